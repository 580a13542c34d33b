using WitHost.Wit.Model;

namespace WitHost.Wit.Resolution;

/// <summary>An item's evaluated feature gates: its stability, and whether it is left out because
/// its <c>@unstable</c> feature is not enabled.</summary>
internal sealed record Gate(WitStability Stability, bool Excluded, string? ExternalId = null)
{
    public static Gate None { get; } = new(WitStability.Unknown, false);
}
