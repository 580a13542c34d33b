namespace WitHost.Wit.Model;

/// <summary><c>option&lt;T&gt;</c>.</summary>
/// <param name="Payload">The type carried by <c>some</c>.</param>
public sealed record WitOptionType(WitType Payload) : WitType
{
    /// <summary>WIT syntax: <c>option&lt;T&gt;</c>.</summary>
    public override string ToString() => $"option<{Payload}>";
}
