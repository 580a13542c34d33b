namespace WitHost.Wit.Binary;

/// <summary>The declarations of an instance or component type.</summary>
public enum ComponentTypeDeclarationKind
{
    /// <summary>A core type (adds to the core type space; not kept).</summary>
    CoreType,

    /// <summary>A type definition.</summary>
    Type,

    /// <summary>An alias (an outer type alias, or an export of an earlier declared instance).</summary>
    Alias,

    /// <summary>An export.</summary>
    Export,

    /// <summary>An import (component types only).</summary>
    Import,
}
