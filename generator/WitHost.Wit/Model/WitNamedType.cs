namespace WitHost.Wit.Model;

/// <summary>
/// A type introduced by a declaration: record, variant, enum, flags, resource or alias
/// (<c>type x = …</c> and the local names that <c>use</c> creates).
/// </summary>
public abstract record WitNamedType : WitType
{
    /// <summary>Creates a named type.</summary>
    protected WitNamedType(string name, WitOwner owner, string? docs, WitStability stability)
    {
        Name = name;
        Owner = owner;
        Docs = docs;
        Stability = stability;
    }

    /// <summary>The name as declared (kebab-case, without a <c>%</c> escape).</summary>
    public string Name { get; init; }

    /// <summary>The interface or world that declares it.</summary>
    public WitOwner Owner { get; init; }

    /// <summary>The doc comment text (<c>///</c> or <c>/** */</c>), or null.</summary>
    public string? Docs { get; init; }

    /// <summary>Its feature gates.</summary>
    public WitStability Stability { get; init; }

    /// <summary>The <c>@external-id("…")</c> given to it, or null.</summary>
    public string? ExternalId { get; init; }

    /// <summary>WIT syntax: the type's name (its definition is not repeated).</summary>
    public sealed override string ToString() => Name;
}
