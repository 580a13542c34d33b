namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>[async] func(params) [-> T]</c>.</summary>
internal sealed record FunctionTypeSyntax(bool IsAsync, IReadOnlyList<FieldSyntax> Parameters, TypeSyntax? Result, TextSpan Span);
