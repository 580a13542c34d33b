namespace WitHost.Wit.Model;

/// <summary>A resource handle: <c>own&lt;r&gt;</c> (or bare <c>r</c>) or <c>borrow&lt;r&gt;</c>.</summary>
/// <param name="Kind">Own or borrow.</param>
/// <param name="Resource">The resource itself; aliases and <c>use</c> renames are already followed.</param>
public sealed record WitHandleType(WitHandleKind Kind, WitResourceType Resource) : WitType
{
    /// <summary>WIT syntax: <c>own&lt;r&gt;</c> or <c>borrow&lt;r&gt;</c>.</summary>
    public override string ToString() => (Kind == WitHandleKind.Own ? "own<" : "borrow<") + Resource.Name + ">";
}
