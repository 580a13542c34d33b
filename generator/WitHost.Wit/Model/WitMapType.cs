namespace WitHost.Wit.Model;

/// <summary><c>map&lt;K, V&gt;</c>; the key is a primitive other than a float.</summary>
/// <param name="Key">The key type.</param>
/// <param name="Value">The value type.</param>
public sealed record WitMapType(WitType Key, WitType Value) : WitType;
