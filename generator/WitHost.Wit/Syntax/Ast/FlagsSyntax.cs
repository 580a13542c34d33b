namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>flags name { a, b, … }</c>.</summary>
internal sealed record FlagsSyntax(IdentifierSyntax Name, IReadOnlyList<CaseSyntax> Flags, TextSpan Span) : TypeDefinitionSyntax(Name, Span);
