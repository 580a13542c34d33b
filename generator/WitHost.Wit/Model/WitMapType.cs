namespace WitHost.Wit.Model;

/// <summary><c>map&lt;K, V&gt;</c>; the key is a primitive other than a float.</summary>
/// <param name="Key">The key type.</param>
/// <param name="Value">The value type.</param>
public sealed record WitMapType(WitType Key, WitType Value) : WitType
{
    /// <summary>WIT syntax: <c>map&lt;K, V&gt;</c>.</summary>
    public override string ToString() => $"map<{Key}, {Value}>";
}
