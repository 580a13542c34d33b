using System.Collections.Immutable;

namespace WitHost.Wamr.Values;

/// <summary>A flags value: the set flags, in the flags type's declaration order.</summary>
/// <param name="Set">The names of the flags that are set, in declaration order.</param>
public sealed record WitFlagsValue(ImmutableArray<string> Set) : WitValue
{
    /// <inheritdoc/>
    public bool Equals(WitFlagsValue? other) => other is not null && WitValueSequence.Equal(Set, other.Set);

    /// <inheritdoc/>
    public override int GetHashCode() => WitValueSequence.Hash(Set);
}
