namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>tuple&lt;…&gt;</c>.</summary>
internal sealed record TupleTypeSyntax(IReadOnlyList<TypeSyntax> Elements, TextSpan Span) : TypeSyntax(Span);
