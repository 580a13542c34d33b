namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>list&lt;T&gt;</c> or <c>list&lt;T, N&gt;</c>.</summary>
internal sealed record ListTypeSyntax(TypeSyntax Element, uint? Length, TextSpan Span) : TypeSyntax(Span);
