namespace WitHost.Wit.Model;

/// <summary>Which feature gate, if any, an item carries.</summary>
public enum WitStabilityKind
{
    /// <summary>No <c>@since</c> or <c>@unstable</c> gate.</summary>
    Unknown,

    /// <summary><c>@since(version = …)</c>.</summary>
    Stable,

    /// <summary><c>@unstable(feature = …)</c>, and the feature is enabled (disabled items are dropped).</summary>
    Unstable,
}
