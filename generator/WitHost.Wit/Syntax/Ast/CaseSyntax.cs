namespace WitHost.Wit.Syntax.Ast;

/// <summary>A variant case (with optional payload), an enum case or a flag.</summary>
internal sealed record CaseSyntax(IdentifierSyntax Name, TypeSyntax? Payload, string? Docs);
