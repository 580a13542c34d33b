namespace WitHost.Wamr.Values;

/// <summary>A <c>string</c>. Always well-formed UTF-16 (no lone surrogates).</summary>
/// <param name="Value">The text.</param>
public sealed record WitStringValue(string Value) : WitValue;
