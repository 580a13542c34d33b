using WitHost.Wit.Diagnostics;

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

    /// <summary>
    /// Where the type's name is written in a .wit file (for a <c>use</c>, the local name it
    /// gives), for diagnostics about the type; null when it was read from a binary or from C#.
    /// Not part of equality: the same type read from text, a binary or C# is the same type.
    /// </summary>
    public WitSourceSpan? Span { get; init; }

    /// <inheritdoc/>
    public virtual bool Equals(WitNamedType? other)
        => ReferenceEquals(this, other)
            || (base.Equals(other)
                && Name == other!.Name
                && Owner.Equals(other.Owner)
                && Docs == other.Docs
                && Stability.Equals(other.Stability)
                && ExternalId == other.ExternalId);

    /// <inheritdoc/>
    public override int GetHashCode()
        => unchecked((base.GetHashCode() * 31 + Name.GetHashCode()) * 31 + Owner.GetHashCode());

    /// <summary>WIT syntax: the type's name (its definition is not repeated).</summary>
    public sealed override string ToString() => Name;
}
