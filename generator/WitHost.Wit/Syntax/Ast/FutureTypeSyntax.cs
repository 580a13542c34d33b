namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>future</c> or <c>future&lt;T&gt;</c>.</summary>
internal sealed record FutureTypeSyntax(TypeSyntax? Payload, TextSpan Span) : TypeSyntax(Span);
