namespace WitHost.Wit.Binary;

/// <summary>What an alias points at.</summary>
public enum ComponentAliasTarget
{
    /// <summary><c>alias export i "name"</c>: an export of a component instance.</summary>
    InstanceExport,

    /// <summary><c>alias core export i "name"</c>: an export of a core instance.</summary>
    CoreInstanceExport,

    /// <summary><c>alias outer ct idx</c>: an item of an enclosing component.</summary>
    Outer,
}
