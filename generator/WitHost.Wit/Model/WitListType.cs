namespace WitHost.Wit.Model;

/// <summary><c>list&lt;T&gt;</c>, or the fixed-length <c>list&lt;T, N&gt;</c>.</summary>
/// <param name="Element">The element type.</param>
/// <param name="Length">The fixed length N, or null for a variable-length list.</param>
public sealed record WitListType(WitType Element, uint? Length = null) : WitType
{
    /// <summary>WIT syntax: <c>list&lt;T&gt;</c> or <c>list&lt;T, N&gt;</c>.</summary>
    public override string ToString() => Length is null ? $"list<{Element}>" : $"list<{Element}, {Length}>";
}
