using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// The key that identifies a scope across every host in a compilation: the Component Model
/// qualified name, except for an interface written inline in a world, whose plain name
/// (<c>log</c>) is only unique within that world and so gets the world's name in front.
/// </summary>
internal static class ScopeKeys
{
    public static string For(WitOwner owner)
        => owner.IsInlineInterface
            ? owner.Package.QualifyInterface(owner.WorldName!) + "/" + owner.InterfaceName
            : owner.QualifiedName;
}
