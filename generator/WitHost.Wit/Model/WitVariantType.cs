using WitHost.Wit.Collections;

namespace WitHost.Wit.Model;

/// <summary><c>variant name { case, case(T), … }</c>.</summary>
public sealed record WitVariantType : WitNamedType
{
    /// <summary>Creates a variant type.</summary>
    public WitVariantType(string name, WitOwner owner, string? docs, WitStability stability, EquatableArray<WitVariantCase> cases)
        : base(name, owner, docs, stability) => Cases = cases;

    /// <summary>The cases in declaration order; the index is the discriminant.</summary>
    public EquatableArray<WitVariantCase> Cases { get; init; }
}
