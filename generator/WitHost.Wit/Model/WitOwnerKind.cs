namespace WitHost.Wit.Model;

/// <summary>Whether a named type or function belongs to an interface or directly to a world.</summary>
public enum WitOwnerKind
{
    /// <summary>Defined in an interface (named, or inline in a world).</summary>
    Interface,

    /// <summary>Defined at the top level of a world.</summary>
    World,
}
