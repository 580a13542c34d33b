namespace WitHost.Wamr.Values;

/// <summary>An <c>f64</c>. Equal when the bits are equal (so <c>0</c> and <c>-0</c> differ).</summary>
/// <param name="Value">The float.</param>
public sealed record WitFloat64Value(double Value) : WitValue
{
    /// <inheritdoc/>
    public bool Equals(WitFloat64Value? other)
        => other is not null && BitConverter.DoubleToUInt64Bits(Value) == BitConverter.DoubleToUInt64Bits(other.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.DoubleToUInt64Bits(Value).GetHashCode();
}
