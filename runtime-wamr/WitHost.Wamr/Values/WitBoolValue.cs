namespace WitHost.Wamr.Values;

/// <summary>A <c>bool</c>.</summary>
/// <param name="Value">The boolean.</param>
public sealed record WitBoolValue(bool Value) : WitValue;
