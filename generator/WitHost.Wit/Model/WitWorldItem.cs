namespace WitHost.Wit.Model;

/// <summary>An import or export of a world.</summary>
public abstract record WitWorldItem
{
    /// <summary>Creates a world item.</summary>
    protected WitWorldItem(string name, WitStability stability)
    {
        Name = name;
        Stability = stability;
    }

    /// <summary>
    /// The external name exactly as the Component Model names it: <c>wasi:io/streams@0.2.0</c>
    /// for an interface imported by path, the plain name for <c>import x: …</c>, a function or a type.
    /// </summary>
    public string Name { get; init; }

    /// <summary>Its feature gates.</summary>
    public WitStability Stability { get; init; }

    /// <summary>The <c>@external-id("…")</c> given to the import/export, or null.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The doc comment written on the <c>import</c>/<c>export</c> statement, or null (items
    /// added by elaboration have none).</summary>
    public string? Docs { get; init; }
}
