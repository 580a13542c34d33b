namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// NaN handling. The spec lets an implementation scramble NaN payloads; this one always uses the
/// canonical NaN (the spec's deterministic profile), so results are reproducible.
/// </summary>
internal static class CanonicalFloats
{
    public const uint CanonicalNaN32 = 0x7fc00000;
    public const ulong CanonicalNaN64 = 0x7ff8000000000000;

    public static uint Bits32(float value) => float.IsNaN(value) ? CanonicalNaN32 : BitConverter.SingleToUInt32Bits(value);

    public static ulong Bits64(double value) => double.IsNaN(value) ? CanonicalNaN64 : BitConverter.DoubleToUInt64Bits(value);

    public static float FromBits32(uint bits)
    {
        var value = BitConverter.UInt32BitsToSingle(bits);
        return float.IsNaN(value) ? BitConverter.UInt32BitsToSingle(CanonicalNaN32) : value;
    }

    public static double FromBits64(ulong bits)
    {
        var value = BitConverter.UInt64BitsToDouble(bits);
        return double.IsNaN(value) ? BitConverter.UInt64BitsToDouble(CanonicalNaN64) : value;
    }
}
