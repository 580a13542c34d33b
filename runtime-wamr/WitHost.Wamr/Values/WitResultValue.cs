namespace WitHost.Wamr.Values;

/// <summary>A <c>result&lt;T, E&gt;</c>: <c>ok(…)</c> or <c>err(…)</c>, with or without payload.</summary>
/// <param name="IsOk">True for <c>ok</c>, false for <c>err</c>.</param>
/// <param name="Payload">The payload, or null when that side of the result type has none.</param>
public sealed record WitResultValue(bool IsOk, WitValue? Payload) : WitValue
{
    /// <summary><c>ok(payload)</c> (or bare <c>ok</c> when null).</summary>
    public static WitResultValue Ok(WitValue? payload = null) => new(true, payload);

    /// <summary><c>err(payload)</c> (or bare <c>err</c> when null).</summary>
    public static WitResultValue Err(WitValue? payload = null) => new(false, payload);
}
