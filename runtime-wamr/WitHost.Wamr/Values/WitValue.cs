namespace WitHost.Wamr.Values;

/// <summary>
/// A Component Model value held dynamically: what <c>wit-host call</c>, WAVE text and the
/// dynamic Canonical ABI work with. A value does not carry its WIT type; the operations that
/// need one (WAVE parsing, lifting, lowering) take it alongside. Equality is structural, floats
/// compare by bits.
/// </summary>
public abstract record WitValue
{
    /// <summary>The value in WAVE text, e.g. <c>{a: 1, b: some("x")}</c>.</summary>
    public sealed override string ToString() => WaveWriter.Write(this);
}
