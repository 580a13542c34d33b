namespace WitHost.Wit.Syntax.Ast;

/// <summary>A reference to a named type (a bare resource name means <c>own</c>).</summary>
internal sealed record NamedTypeSyntax(IdentifierSyntax Name) : TypeSyntax(Name.Span);
