using WitHost.Wit.Abi;

namespace WitHost.Cli.Calls;

/// <summary>
/// How <c>wit-host call</c> names a function: as the guest exports it (<c>ns:pkg/iface#func</c>,
/// a world function's plain name), or with the interface's short name (<c>iface#func</c>).
/// </summary>
internal static class ExportNames
{
    public static CoreExportBinding? Find(CoreWorldBindings bindings, string name)
        => bindings.Exports.FirstOrDefault(export => name == export.CoreName || name == ShortName(export));

    /// <summary>The core name, or for an interface's function the shorter <c>iface#func</c>.</summary>
    public static string ShortName(CoreExportBinding export)
        => export.InterfaceItemName is null ? export.CoreName : ShortInterfaceName(export.InterfaceItemName) + "#" + export.Function.ExternalName;

    /// <summary><c>ns:pkg/iface@1.0.0</c> → <c>iface</c>.</summary>
    public static string ShortInterfaceName(string itemName)
    {
        var slash = itemName.IndexOf('/');
        var at = itemName.IndexOf('@');
        return slash < 0 ? itemName : at < 0 ? itemName[(slash + 1)..] : itemName[(slash + 1)..at];
    }
}
