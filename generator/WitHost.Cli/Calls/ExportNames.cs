using WitHost.Wit.Abi;

namespace WitHost.Cli.Calls;

/// <summary>
/// How <c>wit-host call</c> names a function: as the world exports it (<c>ns:pkg/iface#func</c>,
/// a world function's plain name; an async one's core name <c>[async-lift]…</c> also works), or
/// with the interface's short name (<c>iface#func</c>).
/// </summary>
internal static class ExportNames
{
    public static CoreExportBinding? Find(CoreWorldBindings bindings, string name)
        => bindings.Exports.FirstOrDefault(export => name == export.CoreName || name == WorldName(export) || name == ShortName(export));

    /// <summary>The export's name in the world: <c>ns:pkg/iface#func</c>, or a world function's own (without <c>[async-lift]</c>).</summary>
    public static string WorldName(CoreExportBinding export) => CoreNames.Export(export.InterfaceItemName, export.Function);

    /// <summary>The world name, or for an interface's function the shorter <c>iface#func</c>.</summary>
    public static string ShortName(CoreExportBinding export)
        => export.InterfaceItemName is null ? WorldName(export) : ShortInterfaceName(export.InterfaceItemName) + "#" + export.Function.ExternalName;

    /// <summary><c>ns:pkg/iface@1.0.0</c> → <c>iface</c>.</summary>
    public static string ShortInterfaceName(string itemName)
    {
        var slash = itemName.IndexOf('/');
        var at = itemName.IndexOf('@');
        return slash < 0 ? itemName : at < 0 ? itemName[(slash + 1)..] : itemName[(slash + 1)..at];
    }
}
