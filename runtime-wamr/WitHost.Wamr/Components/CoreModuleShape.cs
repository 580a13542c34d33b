namespace WitHost.Wamr.Components;

/// <summary>
/// What the component reader needs to know about a core module inside a component: its imports
/// and exports, which table slots its active element segments fill with which functions (the
/// fixup module), and which of its functions only forward to a table slot (the shim module).
/// </summary>
internal sealed class CoreModuleShape
{
    public CoreModuleShape(
        IReadOnlyList<CoreImportEntry> imports,
        IReadOnlyList<CoreExportEntry> exports,
        IReadOnlyDictionary<uint, uint> tableSlots,
        IReadOnlyDictionary<uint, uint> forwarders)
    {
        Imports = imports;
        Exports = exports;
        TableSlots = tableSlots;
        Forwarders = forwarders;
        FunctionImports = imports.Where(i => i.Kind == CoreItemKind.Func).ToList();
    }

    public IReadOnlyList<CoreImportEntry> Imports { get; }

    /// <summary>The function imports, in function index order.</summary>
    public IReadOnlyList<CoreImportEntry> FunctionImports { get; }

    public IReadOnlyList<CoreExportEntry> Exports { get; }

    /// <summary>Table slot → function index, from active element segments of table 0 with constant offsets.</summary>
    public IReadOnlyDictionary<uint, uint> TableSlots { get; }

    /// <summary>Function index → table slot, for the defined functions whose whole body passes their parameters to <c>call_indirect</c> of a constant slot.</summary>
    public IReadOnlyDictionary<uint, uint> Forwarders { get; }

    public CoreExportEntry? FindExport(string name, CoreItemKind kind) =>
        Exports.FirstOrDefault(e => e.Name == name && e.Kind == kind);
}
