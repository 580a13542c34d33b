namespace WitHost.Wit.Model;

/// <summary>
/// A named alias: <c>type name = T;</c>, or the local name a <c>use</c> brings in (then
/// <see cref="IsUse"/> is true and <see cref="Target"/> is the type in the other interface).
/// An alias of a resource has the <see cref="WitResourceType"/> itself as target.
/// </summary>
public sealed record WitAliasType : WitNamedType
{
    /// <summary>Creates an alias.</summary>
    public WitAliasType(string name, WitOwner owner, string? docs, WitStability stability, WitType target, bool isUse)
        : base(name, owner, docs, stability)
    {
        Target = target;
        IsUse = isUse;
    }

    /// <summary>The aliased type.</summary>
    public WitType Target { get; init; }

    /// <summary>True when the alias comes from a <c>use</c> statement rather than <c>type x = …</c>.</summary>
    public bool IsUse { get; init; }
}
