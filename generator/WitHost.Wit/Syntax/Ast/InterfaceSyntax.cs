namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>interface name { … }</c>, or the body of an inline world interface (then <see cref="Name"/> is the import/export name).</summary>
internal sealed record InterfaceSyntax(IdentifierSyntax Name, IReadOnlyList<InterfaceMemberSyntax> Members, TextSpan Span) : TopLevelItemSyntax;
