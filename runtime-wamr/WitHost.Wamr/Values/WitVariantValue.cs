namespace WitHost.Wamr.Values;

/// <summary>A variant value: a case and its payload.</summary>
/// <param name="Case">The case name (kebab-case, without <c>%</c>).</param>
/// <param name="Payload">The payload, or null for a case without one.</param>
public sealed record WitVariantValue(string Case, WitValue? Payload) : WitValue;
