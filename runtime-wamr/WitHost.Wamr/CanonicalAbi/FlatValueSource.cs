using WitHost.Wit.Abi;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>The flat core values a lift consumes, one at a time, as raw bits.</summary>
internal abstract class FlatValueSource
{
    /// <summary>The next value, which the type being lifted expects to be a <paramref name="want"/>; its bits (32-bit kinds in the low half).</summary>
    public abstract ulong Next(CoreValueKind want);
}
