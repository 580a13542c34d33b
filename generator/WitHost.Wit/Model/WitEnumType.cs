using WitHost.Wit.Collections;

namespace WitHost.Wit.Model;

/// <summary><c>enum name { a, b, … }</c>.</summary>
public sealed record WitEnumType : WitNamedType
{
    /// <summary>Creates an enum type.</summary>
    public WitEnumType(string name, WitOwner owner, string? docs, WitStability stability, EquatableArray<WitEnumCase> cases)
        : base(name, owner, docs, stability) => Cases = cases;

    /// <summary>The cases in declaration order; the index is the discriminant.</summary>
    public EquatableArray<WitEnumCase> Cases { get; init; }
}
