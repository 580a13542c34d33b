namespace WitHost.Wamr.Values;

/// <summary>An <c>f32</c>. Equal when the bits are equal (so <c>0</c> and <c>-0</c> differ).</summary>
/// <param name="Value">The float.</param>
public sealed record WitFloat32Value(float Value) : WitValue
{
    /// <inheritdoc/>
    public bool Equals(WitFloat32Value? other)
        => other is not null && BitConverter.SingleToUInt32Bits(Value) == BitConverter.SingleToUInt32Bits(other.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.SingleToUInt32Bits(Value).GetHashCode();
}
