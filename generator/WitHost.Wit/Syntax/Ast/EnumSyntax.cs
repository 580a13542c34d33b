namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>enum name { a, b, … }</c>.</summary>
internal sealed record EnumSyntax(IdentifierSyntax Name, IReadOnlyList<CaseSyntax> Cases, TextSpan Span) : TypeDefinitionSyntax(Name, Span);
