namespace WitHost.Wit.Model;

/// <summary><c>future&lt;T&gt;</c> or bare <c>future</c>.</summary>
/// <param name="Payload">The value the future resolves to, or null for bare <c>future</c>.</param>
public sealed record WitFutureType(WitType? Payload) : WitType;
