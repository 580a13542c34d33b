using System.Text;

namespace WitHost.Wamr.Values;

/// <summary>A <c>char</c>: one Unicode scalar value.</summary>
/// <param name="Value">The scalar value.</param>
public sealed record WitCharValue(Rune Value) : WitValue;
