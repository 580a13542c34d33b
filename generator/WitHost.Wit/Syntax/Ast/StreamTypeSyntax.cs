namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>stream</c> or <c>stream&lt;T&gt;</c>.</summary>
internal sealed record StreamTypeSyntax(TypeSyntax? Payload, TextSpan Span) : TypeSyntax(Span);
