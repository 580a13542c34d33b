namespace WitHost.Wit.Model;

/// <summary><c>stream&lt;T&gt;</c> or bare <c>stream</c>.</summary>
/// <param name="Payload">The element type, or null for bare <c>stream</c>.</param>
public sealed record WitStreamType(WitType? Payload) : WitType
{
    /// <summary>WIT syntax: <c>stream</c> or <c>stream&lt;T&gt;</c>.</summary>
    public override string ToString() => Payload is null ? "stream" : $"stream<{Payload}>";
}
