namespace WitHost.Wit.Model;

/// <summary>A type a world declares or <c>use</c>s at its top level (always an import).</summary>
public sealed record WitWorldTypeItem : WitWorldItem
{
    /// <summary>Creates a type item.</summary>
    public WitWorldTypeItem(string name, WitStability stability, WitNamedType type)
        : base(name, stability) => Type = type;

    /// <summary>The type.</summary>
    public WitNamedType Type { get; init; }
}
