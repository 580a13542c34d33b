namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>option&lt;T&gt;</c>.</summary>
internal sealed record OptionTypeSyntax(TypeSyntax Payload, TextSpan Span) : TypeSyntax(Span);
