namespace WitHost.Wit.Syntax.Ast;

/// <summary>Anything that can carry doc comments and attributes (gates).</summary>
internal abstract record ItemSyntax
{
    public string? Docs { get; init; }

    public IReadOnlyList<AttributeSyntax> Attributes { get; init; } = Array.Empty<AttributeSyntax>();
}
