namespace WitHost.Wit.Binary;

/// <summary>What defined an entry of an index space; <see cref="ComponentItem.Definition"/> indexes the matching list of <see cref="ComponentBinary"/>.</summary>
public enum ComponentItemOrigin
{
    /// <summary><see cref="ComponentBinary.Imports"/>.</summary>
    Import,

    /// <summary><see cref="ComponentBinary.Exports"/> (an export adds an index to its sort).</summary>
    Export,

    /// <summary><see cref="ComponentBinary.Aliases"/>.</summary>
    Alias,

    /// <summary><see cref="ComponentBinary.Canons"/>.</summary>
    Canon,

    /// <summary><see cref="ComponentBinary.CoreModules"/>.</summary>
    CoreModule,

    /// <summary><see cref="ComponentBinary.CoreInstances"/>.</summary>
    CoreInstance,

    /// <summary>A core type section entry; its definition is not kept.</summary>
    CoreType,

    /// <summary><see cref="ComponentBinary.Types"/>.</summary>
    Type,

    /// <summary><see cref="ComponentBinary.Components"/>.</summary>
    Component,

    /// <summary><see cref="ComponentBinary.Instances"/>.</summary>
    Instance,
}
