using System.Collections.Immutable;

namespace WitHost.Wamr.Values;

/// <summary>A <c>list&lt;T&gt;</c> or fixed-length <c>list&lt;T, N&gt;</c> (a map is a list of key/value tuples).</summary>
/// <param name="Elements">The elements in order.</param>
public sealed record WitListValue(ImmutableArray<WitValue> Elements) : WitValue
{
    /// <inheritdoc/>
    public bool Equals(WitListValue? other) => other is not null && WitValueSequence.Equal(Elements, other.Elements);

    /// <inheritdoc/>
    public override int GetHashCode() => WitValueSequence.Hash(Elements);
}
