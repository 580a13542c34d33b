namespace WitHost.Wit.Syntax.Ast;

/// <summary>A type expression as written.</summary>
internal abstract record TypeSyntax(TextSpan Span);
