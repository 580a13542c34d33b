using System.Collections.Immutable;

namespace WitHost.Wamr.Values;

/// <summary>A <c>tuple&lt;…&gt;</c>.</summary>
/// <param name="Elements">The elements in order.</param>
public sealed record WitTupleValue(ImmutableArray<WitValue> Elements) : WitValue
{
    /// <inheritdoc/>
    public bool Equals(WitTupleValue? other) => other is not null && WitValueSequence.Equal(Elements, other.Elements);

    /// <inheritdoc/>
    public override int GetHashCode() => WitValueSequence.Hash(Elements);
}
