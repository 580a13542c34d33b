namespace WitHost.Wit.Syntax.Ast;

/// <summary>A record field or a function parameter: <c>name: type</c>.</summary>
internal sealed record FieldSyntax(IdentifierSyntax Name, TypeSyntax Type, string? Docs);
