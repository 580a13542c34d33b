namespace WitHost.Wamr.Values;

/// <summary>
/// An integer of any WIT integer type (<c>s8</c> … <c>u64</c>). One representation wide enough
/// for both <c>s64</c> and <c>u64</c>; the type it is used with decides the range.
/// </summary>
/// <param name="Value">The integer.</param>
public sealed record WitIntegerValue(Int128 Value) : WitValue;
