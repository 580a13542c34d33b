namespace WitHost.Wamr.Values;

/// <summary>An enum value.</summary>
/// <param name="Case">The case name (kebab-case, without <c>%</c>).</param>
public sealed record WitEnumValue(string Case) : WitValue;
