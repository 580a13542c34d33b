namespace WitHost.Wit.Model;

/// <summary>
/// <c>resource name { … }</c>. Nominal: identified by name and owner. Its constructor, methods and
/// static functions are in the owner's function list (<see cref="WitFunction.Resource"/> points
/// back here), which keeps the type tree acyclic.
/// </summary>
public sealed record WitResourceType : WitNamedType
{
    /// <summary>Creates a resource type.</summary>
    public WitResourceType(string name, WitOwner owner, string? docs, WitStability stability)
        : base(name, owner, docs, stability)
    {
    }
}
