namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>variant name { a, b(T), … }</c>.</summary>
internal sealed record VariantSyntax(IdentifierSyntax Name, IReadOnlyList<CaseSyntax> Cases, TextSpan Span) : TypeDefinitionSyntax(Name, Span);
