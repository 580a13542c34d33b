namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>record name { field: T, … }</c>.</summary>
internal sealed record RecordSyntax(IdentifierSyntax Name, IReadOnlyList<FieldSyntax> Fields, TextSpan Span) : TypeDefinitionSyntax(Name, Span);
