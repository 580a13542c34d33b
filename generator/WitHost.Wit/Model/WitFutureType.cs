namespace WitHost.Wit.Model;

/// <summary><c>future&lt;T&gt;</c> or bare <c>future</c>.</summary>
/// <param name="Payload">The value the future resolves to, or null for bare <c>future</c>.</param>
public sealed record WitFutureType(WitType? Payload) : WitType
{
    /// <summary>WIT syntax: <c>future</c> or <c>future&lt;T&gt;</c>.</summary>
    public override string ToString() => Payload is null ? "future" : $"future<{Payload}>";
}
