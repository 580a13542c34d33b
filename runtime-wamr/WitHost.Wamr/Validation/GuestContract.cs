using WitHost.Wamr.Hosting;
using WitHost.Wamr.Binary;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Validation;

/// <summary>
/// What a guest of one world must import and export, with exact core types, and the check of a
/// module against it. Generated hosts carry theirs as a static table (<c>XHost.Validate</c>,
/// <c>XHost.Instantiate</c>); <see cref="For(WitWorld, StringEncoding)"/> computes the same one from
/// a WIT world for dynamic hosts. Both come from one rule, <see cref="CoreWorldContract"/>.
/// </summary>
public sealed class GuestContract
{
    /// <summary>The import module of WASI preview 1, which WAMR's own libc-wasi serves.</summary>
    public const string WasiPreview1Module = "wasi_snapshot_preview1";

    private readonly Dictionary<(string Module, string Name), GuestContractImport> _imports;

    /// <summary>A contract from its parts, as generated hosts write it.</summary>
    /// <param name="worldName">The world's Component Model name, for messages.</param>
    /// <param name="encoding">The string encoding the host lifts and lowers with.</param>
    /// <param name="needsMemory">Whether the guest must export <c>memory</c>.</param>
    /// <param name="imports">Every function the host provides.</param>
    /// <param name="exports">Every function the host calls or may call.</param>
    public GuestContract(string worldName, StringEncoding encoding, bool needsMemory, IReadOnlyList<GuestContractImport> imports, IReadOnlyList<GuestContractExport> exports)
    {
        ArgumentNullException.ThrowIfNull(worldName);
        ArgumentNullException.ThrowIfNull(imports);
        ArgumentNullException.ThrowIfNull(exports);
        WorldName = worldName;
        Encoding = encoding;
        NeedsMemory = needsMemory;
        Imports = imports;
        Exports = exports;
        _imports = new Dictionary<(string, string), GuestContractImport>(imports.Count);
        foreach (var import in imports)
        {
            _imports[(import.Module, import.Name)] = import;
        }
    }

    /// <summary>The world's Component Model name.</summary>
    public string WorldName { get; }

    /// <summary>The string encoding the host lifts and lowers with.</summary>
    public StringEncoding Encoding { get; }

    /// <summary>Whether the guest must export <c>memory</c>.</summary>
    public bool NeedsMemory { get; }

    /// <summary>Every function the host provides.</summary>
    public IReadOnlyList<GuestContractImport> Imports { get; }

    /// <summary>Every function the host calls or may call.</summary>
    public IReadOnlyList<GuestContractExport> Exports { get; }

    /// <summary>The contract of a core guest of <paramref name="world"/> whose host uses <paramref name="encoding"/>.</summary>
    public static GuestContract For(WitWorld world, StringEncoding encoding = StringEncoding.Utf8)
    {
        ArgumentNullException.ThrowIfNull(world);
        var core = CoreWorldContract.For(world);
        return new GuestContract(
            world.QualifiedName,
            encoding,
            core.NeedsMemory,
            [.. core.Imports.Select(i => new GuestContractImport(i.Module, i.Name, CoreFunctionTypes.From(i.Type), i.PassesStrings))],
            [.. core.Exports.Select(e => new GuestContractExport(e.Name, CoreFunctionTypes.From(e.Type), e.IsRequired, e.PassesStrings))]);
    }

    /// <summary>
    /// Every way <paramref name="module"/> differs from the world; empty when it matches. For a
    /// component, its main module is checked under the world's names the component wires it to,
    /// and each function's string encoding (its canon options) against the host's.
    /// </summary>
    public IReadOnlyList<GuestMismatch> Check(WamrModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.Component is { } component
            ? Check(module.Info, new ComponentNames(component))
            : Check(module.Info);
    }

    /// <summary>
    /// Every way the module <paramref name="info"/> describes differs from the world, in the order:
    /// exports (the world's order), memory, imports (the guest's order), string encodings.
    /// </summary>
    /// <param name="info">The guest's imports and exports.</param>
    /// <param name="encodingOf">For a guest that says how it encodes strings per function (a
    /// component's canon options): the encoding of a core import (module, name) or export (null, name),
    /// or null when the guest does not say. Null for core modules.</param>
    public IReadOnlyList<GuestMismatch> Check(WasmModuleInfo info, Func<string?, string, StringEncoding?>? encodingOf = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        return Check(info, new ComponentNames(null, encodingOf));
    }

    private IReadOnlyList<GuestMismatch> Check(WasmModuleInfo info, ComponentNames names)
    {
        var mismatches = new List<GuestMismatch>();
        var moduleExports = GuestChecks.ExportsByName(info);
        foreach (var export in Exports)
        {
            var actual = moduleExports.GetValueOrDefault(names.CoreExport(export.Name));
            if (GuestChecks.CheckExport(export.Name, actual, export.Type, export.IsRequired) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        }

        if (NeedsMemory && !info.Exports.Any(e => e.Kind == ModuleExportKind.Memory && e.Name == CoreWorldContract.MemoryExport))
        {
            mismatches.Add(new GuestMismatch(GuestMismatchKind.MissingMemory, null, CoreWorldContract.MemoryExport, null, null,
                $"The guest does not export its memory as '{CoreWorldContract.MemoryExport}', which the world's strings, lists or spilled values pass through."));
        }

        foreach (var import in info.FunctionImports)
        {
            if (import.Module == WasiPreview1Module || names.IsWasi(import.Module, import.Name))
            {
                continue;
            }

            var world = names.WorldImport(import.Module, import.Name);
            // A plain WASI 0.2 function the world does not import is served by the runtime.
            var provided = _imports.TryGetValue(world, out var expected) ? expected.Type : WasiPreview2Functions.CoreType(world.Module, world.Name);
            if (GuestChecks.CheckImport(import with { Module = world.Module, Name = world.Name }, provided) is { } mismatch)
            {
                mismatches.Add(mismatch);
            }
        }

        if (names.HasEncodings)
        {
            foreach (var export in Exports.Where(e => e.PassesStrings && moduleExports.ContainsKey(names.CoreExport(e.Name))))
            {
                AddEncodingMismatch(mismatches, null, export.Name, names.Encoding(null, names.CoreExport(export.Name)));
            }

            foreach (var import in info.FunctionImports)
            {
                var world = names.WorldImport(import.Module, import.Name);
                if (_imports.TryGetValue(world, out var provided) && provided.PassesStrings)
                {
                    AddEncodingMismatch(mismatches, world.Module, world.Name, names.Encoding(import.Module, import.Name));
                }
            }
        }

        return mismatches;
    }

    /// <summary>Throws when <paramref name="module"/> differs from the world in any way.</summary>
    /// <exception cref="WasmInstantiationException">Lists every mismatch in <see cref="WasmInstantiationException.Mismatches"/>.</exception>
    public void Enforce(WamrModule module)
    {
        var mismatches = Check(module);
        if (mismatches.Count > 0)
        {
            throw new WasmInstantiationException(WorldName, mismatches);
        }
    }

    private void AddEncodingMismatch(List<GuestMismatch> mismatches, string? module, string name, StringEncoding? guestEncoding)
    {
        if (guestEncoding is { } actual && actual != Encoding)
        {
            var what = module is null ? $"export '{name}'" : $"import '{module}' '{name}'";
            mismatches.Add(new GuestMismatch(GuestMismatchKind.StringEncoding, module, name, null, null,
                $"The guest's {what} passes strings as {actual}, but the host uses {Encoding}."));
        }
    }
}
