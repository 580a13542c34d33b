namespace WitHost.Wamr.Components;

/// <summary>
/// What WitHost read from a component binary: the canon options of the functions the main core
/// module exports and the component lifts, how each of the main module's imports is satisfied,
/// and the WIT world the component carries. <see cref="WamrModule.Component"/> of a module
/// loaded from a component.
/// </summary>
/// <remarks>
/// WAMR runs core modules, so a component runs as its main core module; the shim and fixup
/// modules wit-component adds only forward calls, and the WASI preview1 adapter is replaced by
/// WAMR's libc-wasi (docs/toolchains.md).
/// </remarks>
public sealed class GuestComponent
{
    private readonly Func<string?> _decodeWit;
    private readonly Lazy<string?> _witText;

    private readonly Dictionary<(string Module, string Name), (string Module, string Name)> _importAliases = [];

    internal GuestComponent(
        IReadOnlyDictionary<string, CanonOptions> exports,
        IReadOnlyDictionary<string, string> exportNames,
        IReadOnlyList<ComponentImportBinding> imports,
        bool hasWasiAdapter,
        int coreModuleCount,
        Func<string?> decodeWit)
    {
        Exports = exports;
        ExportNames = exportNames;
        Imports = imports;
        foreach (ComponentImportBinding binding in imports)
        {
            if (binding.Kind is ComponentImportKind.Function or ComponentImportKind.ResourceDrop or ComponentImportKind.ResourceNew or ComponentImportKind.ResourceRep or ComponentImportKind.AsyncBuiltin
                && (binding.ComponentImport, binding.Function) != (binding.CoreModule, binding.CoreName))
            {
                _importAliases[(binding.CoreModule, binding.CoreName)] = (binding.ComponentImport, binding.Function);
            }
        }
        HasWasiAdapter = hasWasiAdapter;
        CoreModuleCount = coreModuleCount;
        _decodeWit = decodeWit;
        _witText = new Lazy<string?>(_decodeWit);
    }

    /// <summary>
    /// The canon options of every lifted function, keyed by the main module's core export name
    /// that is lifted (for example <c>example:sample/strings#reverse</c> or <c>greet</c>).
    /// </summary>
    public IReadOnlyDictionary<string, CanonOptions> Exports { get; }

    /// <summary>
    /// Every function the component exports, by the core name a world's bindings look it up by
    /// (<c>greet</c>, <c>example:sample/strings#reverse</c>), mapped to the main module's core
    /// export the component lifts for it. wit-component keeps them equal; a component wired by hand
    /// may not, and <see cref="WamrInstance.TryGetFunction"/> follows this map.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExportNames { get; }

    /// <summary>How each function import of the main module is satisfied, in the main module's import order.</summary>
    public IReadOnlyList<ComponentImportBinding> Imports { get; }

    /// <summary>Whether the component embeds the WASI preview1 adapter (replaced by WAMR's libc-wasi).</summary>
    public bool HasWasiAdapter { get; }

    /// <summary>How many core modules the component holds (the main one, and any adapter, shim and fixup modules).</summary>
    public int CoreModuleCount { get; }

    /// <summary>
    /// The main module's core export that implements the world's export <paramref name="name"/>,
    /// when the component lifts it under another core name; null otherwise.
    /// </summary>
    internal string? CoreExportFor(string name) =>
        ExportNames.TryGetValue(name, out string? core) && core != name ? core : null;

    /// <summary>
    /// The canon options the component gives the world's export <paramref name="worldName"/>
    /// (<c>greet</c>, <c>example:sample/strings#reverse</c>), following <see cref="ExportNames"/>
    /// to the core export it lifts; null when it lifts no such function.
    /// </summary>
    public CanonOptions? OptionsForExport(string worldName) =>
        Exports.TryGetValue(CoreExportFor(worldName) ?? worldName, out CanonOptions? options) ? options : null;

    /// <summary>
    /// The (module, name) a world's bindings serve for the main module's import
    /// (<paramref name="module"/>, <paramref name="name"/>), when the component wires that import
    /// to a component import of another name; null otherwise.
    /// </summary>
    internal (string Module, string Name)? WorldImportFor(string module, string name) =>
        _importAliases.TryGetValue((module, name), out (string, string) world) ? world : null;

    /// <summary>
    /// The world the component carries, as WIT text (what <c>wit-host wit</c> prints), decoded on
    /// first use; null when the component's types use something the WIT decoder cannot express.
    /// </summary>
    public string? WitText => _witText.Value;
}
