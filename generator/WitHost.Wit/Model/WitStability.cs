namespace WitHost.Wit.Model;

/// <summary>The feature gates of an item: <c>@since</c>, <c>@unstable</c> and <c>@deprecated</c>.</summary>
/// <param name="Kind">Which of <c>@since</c> / <c>@unstable</c> applies.</param>
/// <param name="Since">The <c>@since</c> version when <see cref="Kind"/> is <see cref="WitStabilityKind.Stable"/>.</param>
/// <param name="Feature">The <c>@unstable</c> feature name when <see cref="Kind"/> is <see cref="WitStabilityKind.Unstable"/>.</param>
/// <param name="Deprecated">The <c>@deprecated</c> version, if any.</param>
public sealed record WitStability(WitStabilityKind Kind, WitVersion? Since, string? Feature, WitVersion? Deprecated)
{
    /// <summary>An item without gates.</summary>
    public static WitStability Unknown { get; } = new(WitStabilityKind.Unknown, null, null, null);
}
