namespace WitHost.Wit.Model;

/// <summary>
/// Where a named type or function is defined. A light reference (names only), so that a type can
/// point at its owner without the owner's full contents, which would make the tree cyclic.
/// </summary>
/// <param name="Kind">Interface or world.</param>
/// <param name="Package">The package that defines the owner.</param>
/// <param name="InterfaceName">The interface name; for an inline interface in a world
/// (<c>import x: interface { … }</c>) the import/export name <c>x</c>. Null for a world owner.</param>
/// <param name="WorldName">The world, for a world owner or an inline interface; otherwise null.</param>
public sealed record WitOwner(WitOwnerKind Kind, WitPackageName Package, string? InterfaceName, string? WorldName)
{
    /// <summary>True for an interface written inline in a world.</summary>
    public bool IsInlineInterface => Kind == WitOwnerKind.Interface && WorldName is not null;

    /// <summary>
    /// The owner's qualified name: <c>ns:pkg/iface@ver</c> for a package interface, the plain
    /// name for an inline interface, <c>ns:pkg/world@ver</c> for a world.
    /// </summary>
    public string QualifiedName => Kind == WitOwnerKind.World
        ? Package.QualifyInterface(WorldName!)
        : WorldName is not null ? InterfaceName! : Package.QualifyInterface(InterfaceName!);

    /// <inheritdoc/>
    public override string ToString() => QualifiedName;
}
