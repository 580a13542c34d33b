namespace WitHost.Wit.Model;

/// <summary>An imported or exported interface (named, inline, or named by path).</summary>
public sealed record WitWorldInterfaceItem : WitWorldItem
{
    /// <summary>Creates an interface item.</summary>
    public WitWorldInterfaceItem(string name, WitStability stability, WitInterface @interface)
        : base(name, stability) => Interface = @interface;

    /// <summary>The interface.</summary>
    public WitInterface Interface { get; init; }
}
