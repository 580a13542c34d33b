using WitHost.Wit.Collections;

namespace WitHost.Wit.Model;

/// <summary><c>flags name { a, b, … }</c>.</summary>
public sealed record WitFlagsType : WitNamedType
{
    /// <summary>Creates a flags type.</summary>
    public WitFlagsType(string name, WitOwner owner, string? docs, WitStability stability, EquatableArray<WitEnumCase> flags)
        : base(name, owner, docs, stability) => Flags = flags;

    /// <summary>The flags in declaration order; the index is the bit number.</summary>
    public EquatableArray<WitEnumCase> Flags { get; init; }
}
