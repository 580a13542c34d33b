namespace WitHost.Wamr.Values;

/// <summary>One field of a <see cref="WitRecordValue"/>.</summary>
/// <param name="Name">The field name (kebab-case, without <c>%</c>).</param>
/// <param name="Value">The field value.</param>
public sealed record WitFieldValue(string Name, WitValue Value);
