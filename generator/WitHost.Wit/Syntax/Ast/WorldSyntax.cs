namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>world name { … }</c>.</summary>
internal sealed record WorldSyntax(IdentifierSyntax Name, IReadOnlyList<WorldMemberSyntax> Members, TextSpan Span) : TopLevelItemSyntax;
