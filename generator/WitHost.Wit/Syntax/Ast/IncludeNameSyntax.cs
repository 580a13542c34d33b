namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>a as b</c> inside <c>include w with { … }</c>.</summary>
internal sealed record IncludeNameSyntax(IdentifierSyntax Name, IdentifierSyntax As);
