namespace WitHost.Wit.Binary;

/// <summary>The bound of an imported or exported type.</summary>
public enum ComponentTypeBound
{
    /// <summary>No bound (the item is not a type).</summary>
    None,

    /// <summary><c>(eq i)</c>: the same type as type index i.</summary>
    Equal,

    /// <summary><c>(sub resource)</c>: a fresh resource type.</summary>
    SubResource,
}
