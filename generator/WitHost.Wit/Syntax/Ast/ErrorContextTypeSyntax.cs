namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>error-context</c>.</summary>
internal sealed record ErrorContextTypeSyntax(TextSpan Span) : TypeSyntax(Span);
