namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>map&lt;K, V&gt;</c>.</summary>
internal sealed record MapTypeSyntax(TypeSyntax Key, TypeSyntax Value, TextSpan Span) : TypeSyntax(Span);
