namespace WitHost.Wamr.Values;

/// <summary>An <c>option&lt;T&gt;</c>: <c>some(Value)</c>, or <c>none</c> when <see cref="Value"/> is null.</summary>
/// <param name="Value">The <c>some</c> payload, or null for <c>none</c>.</param>
public sealed record WitOptionValue(WitValue? Value) : WitValue
{
    /// <summary><c>none</c>.</summary>
    public static WitOptionValue None { get; } = new((WitValue?)null);

    /// <summary>True for <c>some(…)</c>.</summary>
    public bool IsSome => Value is not null;
}
