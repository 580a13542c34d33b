namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>use path.{a, b as c};</c> in an interface or world.</summary>
internal sealed record UseSyntax(UsePathSyntax Path, IReadOnlyList<UseNameSyntax> Names, TextSpan Span) : InterfaceMemberSyntax;
