namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>type name = T;</c>.</summary>
internal sealed record TypeAliasSyntax(IdentifierSyntax Name, TypeSyntax Target, TextSpan Span) : TypeDefinitionSyntax(Name, Span);
