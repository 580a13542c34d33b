namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>resource name;</c> or <c>resource name { constructor, methods, statics }</c>.</summary>
internal sealed record ResourceSyntax(IdentifierSyntax Name, IReadOnlyList<ResourceFunctionSyntax> Functions, TextSpan Span) : TypeDefinitionSyntax(Name, Span);
