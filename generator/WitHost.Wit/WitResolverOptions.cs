using System.Collections.Immutable;

namespace WitHost.Wit;

/// <summary>Settings for <see cref="WitResolver"/>.</summary>
public sealed record WitResolverOptions
{
    /// <summary>The default: no <c>@unstable</c> feature enabled.</summary>
    public static WitResolverOptions Default { get; } = new();

    /// <summary>The <c>@unstable(feature = …)</c> features to keep; gated items of other features are dropped.</summary>
    public ImmutableHashSet<string> EnabledFeatures { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Keep every <c>@unstable</c> item regardless of <see cref="EnabledFeatures"/>.</summary>
    public bool AllFeatures { get; init; }

    /// <summary>True when items gated on <paramref name="feature"/> are kept.</summary>
    public bool IsEnabled(string feature) => AllFeatures || EnabledFeatures.Contains(feature);
}
