using WitHost.Wit.Collections;

namespace WitHost.Wit.Model;

/// <summary><c>record name { field: T, … }</c>.</summary>
public sealed record WitRecordType : WitNamedType
{
    /// <summary>Creates a record type.</summary>
    public WitRecordType(string name, WitOwner owner, string? docs, WitStability stability, EquatableArray<WitField> fields)
        : base(name, owner, docs, stability) => Fields = fields;

    /// <summary>The fields, in declaration order (at least one).</summary>
    public EquatableArray<WitField> Fields { get; init; }
}
