namespace WitHost.Wit.Syntax.Ast;

/// <summary>One name in <c>use x.{a, b as c}</c>.</summary>
internal sealed record UseNameSyntax(IdentifierSyntax Name, IdentifierSyntax? Alias)
{
    public IdentifierSyntax LocalName => Alias ?? Name;
}
