using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;

namespace WitHost.Wit.Model;

/// <summary>A function of an interface or world, or a constructor/method/static function of a resource.</summary>
/// <param name="Name">The name as written (<c>read</c>); for a constructor, <c>constructor</c>.</param>
/// <param name="Kind">Freestanding, constructor, method or static.</param>
/// <param name="Parameters">The parameters; a method's first one is <c>self: borrow&lt;r&gt;</c>.</param>
/// <param name="Result">The result type, or null when the function returns nothing. A constructor
/// without a written result returns <c>own&lt;r&gt;</c>.</param>
/// <param name="IsAsync">True for <c>async func</c>.</param>
/// <param name="Resource">The resource for constructors, methods and static functions; otherwise null.</param>
/// <param name="Owner">The interface or world that declares it.</param>
/// <param name="Docs">The doc comment, or null.</param>
/// <param name="Stability">Its feature gates.</param>
public sealed record WitFunction(
    string Name,
    WitFunctionKind Kind,
    EquatableArray<WitParameter> Parameters,
    WitType? Result,
    bool IsAsync,
    WitResourceType? Resource,
    WitOwner Owner,
    string? Docs,
    WitStability Stability)
{
    /// <summary>The <c>@external-id("…")</c> given to the function, or null.</summary>
    public string? ExternalId { get; init; }

    /// <summary>
    /// Where the function's name is written in a .wit file, for diagnostics about the function;
    /// null when it was read from a binary or from C#. Not part of equality: the same function
    /// read from text, a binary or C# is the same function.
    /// </summary>
    public WitSourceSpan? Span { get; init; }

    /// <inheritdoc/>
    public bool Equals(WitFunction? other)
        => ReferenceEquals(this, other)
            || (other is not null
                && Name == other.Name
                && Kind == other.Kind
                && Parameters.Equals(other.Parameters)
                && Equals(Result, other.Result)
                && IsAsync == other.IsAsync
                && Equals(Resource, other.Resource)
                && Owner.Equals(other.Owner)
                && Docs == other.Docs
                && Stability.Equals(other.Stability)
                && ExternalId == other.ExternalId);

    /// <inheritdoc/>
    public override int GetHashCode()
        => unchecked((((Name.GetHashCode() * 31) + (int)Kind) * 31 + Owner.GetHashCode()) * 31 + Parameters.GetHashCode());

    /// <summary>
    /// The Component Model name: <c>name</c>, <c>[constructor]r</c>, <c>[method]r.name</c> or
    /// <c>[static]r.name</c> (async functions use the same names; the async-ness is in the type).
    /// </summary>
    public string ExternalName => Kind switch
    {
        WitFunctionKind.Constructor => "[constructor]" + Resource!.Name,
        WitFunctionKind.Method => "[method]" + Resource!.Name + "." + Name,
        WitFunctionKind.Static => "[static]" + Resource!.Name + "." + Name,
        _ => Name,
    };
}
