namespace WitHost.Wit.Syntax.Ast;

/// <summary>All four <c>result</c> forms.</summary>
internal sealed record ResultTypeSyntax(TypeSyntax? Ok, TypeSyntax? Err, TextSpan Span) : TypeSyntax(Span);
