using WitHost.Wamr.CanonicalAbi;
using WitHost.Wit.Abi;
using WitHost.Wit.Binary;

namespace WitHost.Wamr.Components;

/// <summary>
/// Finds what WAMR must run in a component binary: the main core module, the canon options of
/// what the component lifts from it, and how each of its imports is satisfied.
/// </summary>
/// <remarks>
/// <para>The shape that runs is the one wit-component (<c>wasm-tools component new</c>,
/// <c>cargo component</c>, jco) makes of one core module: the main module; optionally the WASI
/// preview1 adapter, whose functions WAMR's libc-wasi serves instead; a shim module whose
/// functions only <c>call_indirect</c> through a table, and a fixup module whose element segment
/// fills that table with the real lowerings (an import that needs the main module's memory or
/// realloc cannot be lowered before the main module exists); and nested components that only
/// ascribe types to exported interfaces.</para>
/// <para>Everything else is refused with a <see cref="ComponentLoadException"/> naming the
/// construct: nested components with code, instances of other components, several main modules,
/// a core module serving the main module that is not the adapter, imported core modules or
/// components, start functions, a main module importing memory, tables or globals.</para>
/// </remarks>
internal sealed class GuestComponentReader
{
    private const int MaxForwarding = 8;

    private readonly ComponentBinary _component;
    private readonly Dictionary<int, CoreModuleShape> _shapes = [];
    private uint _mainInstance;
    private bool _usesAdapter;

    private GuestComponentReader(ComponentBinary component) => _component = component;

    /// <summary>Reads <paramref name="bytes"/> (a component) into its main module's bytes and the <see cref="GuestComponent"/>.</summary>
    /// <exception cref="ComponentLoadException">Malformed, or a shape WitHost cannot run.</exception>
    public static (byte[] MainModule, GuestComponent Component) Read(byte[] bytes)
    {
        ComponentBinary component;
        try
        {
            component = ComponentBinaryReader.Read(bytes);
        }
        catch (ComponentFormatException e)
        {
            throw new ComponentLoadException($"Malformed component: {e.Message}", e.Offset, e);
        }

        try
        {
            return new GuestComponentReader(component).Analyse(bytes);
        }
        catch (ComponentFormatException e)
        {
            throw new ComponentLoadException($"Malformed component: {e.Message}", e.Offset, e);
        }
    }

    private (byte[], GuestComponent) Analyse(byte[] bytes)
    {
        CheckSupportedConstructs();

        // The main module: the one whose instance exports what `canon lift` lifts.
        var lifts = _component.Canons.Where(c => c.Kind == CanonicalFunctionKind.Lift).ToList();
        if (lifts.Count == 0)
        {
            throw Refuse("the component lifts no core function, so it has nothing to run", _component.Offset);
        }
        var liftedInstances = new SortedSet<uint>();
        foreach (CanonicalFunction lift in lifts)
        {
            liftedInstances.Add(CoreExportOf(lift.Function, ComponentSort.CoreFunc, lift.Offset).Instance);
        }
        if (liftedInstances.Count > 1)
        {
            throw Refuse($"several main modules: the component lifts functions from core instances {string.Join(", ", liftedInstances)}; WitHost runs components built from one core module", lifts[0].Offset);
        }
        _mainInstance = liftedInstances.Min;
        CoreInstanceDefinition main = CoreInstance(_mainInstance);
        if (main.Module is not { } mainModuleIndex)
        {
            throw Refuse($"the lifted functions come from core instance {_mainInstance}, which re-exports items instead of instantiating a module", main.Offset);
        }
        int mainModule = LocalModule(mainModuleIndex, main.Offset);
        if (_component.CoreInstances.Count(i => i.Module == mainModuleIndex) > 1)
        {
            throw Refuse($"the main core module (core module {mainModuleIndex}) is instantiated more than once", main.Offset);
        }
        CoreModuleShape mainShape = Shape(mainModule);
        foreach (CoreImportEntry import in mainShape.Imports.Where(i => i.Kind != CoreItemKind.Func))
        {
            throw Refuse($"the main core module imports {import.Kind.ToString().ToLowerInvariant()} '{import.Module}'.'{import.Name}' from another module; WitHost runs main modules that define their own memory, tables and globals", main.Offset);
        }

        var exports = new Dictionary<string, CanonOptions>(StringComparer.Ordinal);
        foreach (CanonicalFunction lift in lifts)
        {
            string name = CoreExportOf(lift.Function, ComponentSort.CoreFunc, lift.Offset).Name;
            CanonOptions options = Options(lift.Options!, lift.Offset, $"the lift of '{name}'");
            if (exports.TryGetValue(name, out CanonOptions? earlier) && earlier != options)
            {
                throw Refuse($"the core export '{name}' is lifted twice with different canon options", lift.Offset);
            }
            exports[name] = options;
        }

        var imports = new List<ComponentImportBinding>();
        foreach (CoreImportEntry import in mainShape.FunctionImports)
        {
            ComponentSortIndex? argument = main.Arguments.FirstOrDefault(a => a.Name == import.Module);
            if (argument is null)
            {
                throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is not given when it is instantiated", main.Offset);
            }
            imports.Add(ProvidedBy(argument.Index, import, 0, main.Offset));
        }

        byte[] mainBytes = _component.CoreModules[mainModule].Bytes;
        var guest = new GuestComponent(exports, WorldExportNames(), imports, _usesAdapter, _component.CoreModules.Count, () => DecodeWit(bytes));
        return (mainBytes, guest);
    }

    /// <summary>
    /// Each function the component exports, by the core name a world's bindings give it
    /// (<c>name</c> at the world level, <c>iface#name</c> in an exported interface), mapped to the
    /// main module's core export that the component lifts for it.
    /// </summary>
    private Dictionary<string, string> WorldExportNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ComponentExport export in _component.Exports)
        {
            if (export.Sort == ComponentSort.Func)
            {
                AddExportName(names, export.Name, export.Index);
            }
            else if (export.Sort == ComponentSort.Instance)
            {
                foreach ((string function, uint index) in InstanceFunctions(export.Index, 0))
                {
                    AddExportName(names, $"{export.Name}#{function}", index);
                }
            }
        }
        return names;
    }

    /// <summary>
    /// Maps world export <paramref name="worldName"/> to what the component lifts for it: the core
    /// export itself, or for an async lift its core names as a core module would have them
    /// (<c>[async-lift]E</c> and <c>[callback][async-lift]E</c>, or <c>[async-lift-stackful]E</c>).
    /// </summary>
    private void AddExportName(Dictionary<string, string> names, string worldName, uint function)
    {
        if (LiftedCoreExport(function) is not { } lifted)
        {
            return;
        }
        CanonOptions options = Options(lifted.Lift.Options!, lifted.Lift.Offset, $"the lift of '{lifted.Core}'");
        if (!options.Async)
        {
            names[worldName] = lifted.Core;
        }
        else if (options.Callback is { } callback)
        {
            names[CoreNames.AsyncLift(worldName)] = lifted.Core;
            names[CoreNames.Callback(worldName)] = callback;
        }
        else
        {
            names[CoreNames.StackfulLiftPrefix + worldName] = lifted.Core;
        }
    }

    /// <summary>The main module's core export behind component function <paramref name="function"/>, and the lift, when it is a lift of one.</summary>
    private (string Core, CanonicalFunction Lift)? LiftedCoreExport(uint function)
    {
        for (int depth = 0; depth <= MaxForwarding; depth++)
        {
            IReadOnlyList<ComponentItem> space = _component.Space(ComponentSort.Func);
            if (function >= space.Count)
            {
                return null;
            }
            ComponentItem item = space[(int)function];
            if (item.Origin == ComponentItemOrigin.Export)
            {
                function = _component.Exports[item.Definition].Index;
                continue;
            }
            if (item.Origin == ComponentItemOrigin.Canon && _component.Canons[item.Definition] is { Kind: CanonicalFunctionKind.Lift } lift)
            {
                (uint instance, string name) = CoreExportOf(lift.Function, ComponentSort.CoreFunc, lift.Offset);
                return instance == _mainInstance ? (name, lift) : null;
            }
            return null;
        }
        return null;
    }

    /// <summary>The functions an exported instance exports, by name, as component function indexes.</summary>
    private IEnumerable<(string Name, uint Function)> InstanceFunctions(uint instance, int depth)
    {
        IReadOnlyList<ComponentItem> space = _component.Space(ComponentSort.Instance);
        if (instance >= space.Count || depth > MaxForwarding)
        {
            yield break;
        }
        ComponentItem item = space[(int)instance];
        if (item.Origin == ComponentItemOrigin.Export)
        {
            foreach ((string, uint) function in InstanceFunctions(_component.Exports[item.Definition].Index, depth + 1))
            {
                yield return function;
            }
            yield break;
        }
        if (item.Origin != ComponentItemOrigin.Instance)
        {
            yield break;
        }
        ComponentInstanceDefinition definition = _component.Instances[item.Definition];
        if (definition.Component is not { } componentIndex)
        {
            foreach (ComponentSortIndex export in definition.Exports.Where(e => e.Sort == ComponentSort.Func))
            {
                yield return (export.Name, export.Index);
            }
            yield break;
        }
        // An instance of a type-ascribing nested component: its export "f" is its import that
        // the instantiation gives a function for.
        ComponentBinary nested = _component.Components[_component.Space(ComponentSort.Component)[(int)componentIndex].Definition];
        IReadOnlyList<ComponentItem> nestedFunctions = nested.Space(ComponentSort.Func);
        foreach (ComponentExport export in nested.Exports.Where(e => e.Sort == ComponentSort.Func))
        {
            if (export.Index < nestedFunctions.Count && nestedFunctions[(int)export.Index] is { Origin: ComponentItemOrigin.Import } imported
                && definition.Arguments.FirstOrDefault(a => a.Sort == ComponentSort.Func && a.Name == nested.Imports[imported.Definition].Name) is { } argument)
            {
                yield return (export.Name, argument.Index);
            }
        }
    }

    private static string? DecodeWit(byte[] bytes)
    {
        try
        {
            return ComponentWitDecoder.Decode(bytes);
        }
        catch (ComponentFormatException)
        {
            return null;
        }
    }

    /// <summary>Refuses what cannot run at all, wherever it is in the component.</summary>
    private void CheckSupportedConstructs()
    {
        if (_component.HasStart)
        {
            throw Refuse("a component start function (component values are not supported)", _component.Offset);
        }
        foreach (ComponentImport import in _component.Imports)
        {
            if (import.Description.Sort is ComponentSort.CoreModule or ComponentSort.Component)
            {
                throw Refuse($"the component imports a {ComponentSortFacts.Describe(import.Description.Sort)} ('{import.Name}'); WitHost runs components that carry their code", import.Offset);
            }
        }
        for (int i = 0; i < _component.Components.Count; i++)
        {
            ComponentBinary nested = _component.Components[i];
            if (nested.CoreModules.Count > 0 || nested.CoreInstances.Count > 0 || nested.Components.Count > 0
                || nested.Instances.Count > 0 || nested.Canons.Count > 0 || nested.HasStart)
            {
                throw Refuse($"nested component {i} holds code or instances (core modules, instances, canon definitions or components); WitHost runs nested components only when they ascribe types to exports, as wit-component's are", nested.Offset);
            }
        }
        foreach (ComponentInstanceDefinition instance in _component.Instances)
        {
            if (instance.Component is { } instantiated && _component.Space(ComponentSort.Component)[(int)instantiated].Origin != ComponentItemOrigin.Component)
            {
                throw Refuse($"the component instantiates component {instantiated}, which it does not define (an instance of another component)", instance.Offset);
            }
        }
    }

    /// <summary>How the function <paramref name="import"/> of the main module is served by core instance <paramref name="instance"/>.</summary>
    private ComponentImportBinding ProvidedBy(uint instance, CoreImportEntry import, int depth, int offset)
    {
        CoreInstanceDefinition definition = CoreInstance(instance);
        if (definition.Module is { } module)
        {
            // The main module imports a whole instance of another core module: only the adapter may be one.
            CoreModuleShape shape = Shape(LocalModule(module, definition.Offset));
            if (IsAdapter(shape) && import.Module == "wasi_snapshot_preview1" && shape.FindExport(import.Name, CoreItemKind.Func) is not null)
            {
                return Wasi(import);
            }
            throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is served by an instance of core module {module}, which is not the WASI preview1 adapter", definition.Offset);
        }
        ComponentSortIndex? export = definition.Exports.FirstOrDefault(e => e.Name == import.Name);
        if (export is null || export.Sort != ComponentSort.CoreFunc)
        {
            throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is not a function of the core instance it is given", definition.Offset);
        }
        return ServedBy(export.Index, import, depth, offset);
    }

    /// <summary>What core function <paramref name="function"/> (given to the main module for <paramref name="import"/>) is.</summary>
    private ComponentImportBinding ServedBy(uint function, CoreImportEntry import, int depth, int offset)
    {
        if (depth > MaxForwarding)
        {
            throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is forwarded through more than {MaxForwarding} modules", offset);
        }
        ComponentItem item = Item(ComponentSort.CoreFunc, function, offset);
        switch (item.Origin)
        {
            case ComponentItemOrigin.Canon:
            {
                CanonicalFunction canon = _component.Canons[item.Definition];
                return canon.Kind switch
                {
                    CanonicalFunctionKind.Lower => Lowered(canon, import),
                    CanonicalFunctionKind.ResourceNew => Resource(canon, import, ComponentImportKind.ResourceNew),
                    CanonicalFunctionKind.ResourceRep => Resource(canon, import, ComponentImportKind.ResourceRep),
                    CanonicalFunctionKind.ResourceDrop => Resource(canon, import, ComponentImportKind.ResourceDrop),
                    CanonicalFunctionKind.Other => Builtin(canon, import),
                    _ => throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is a canon built-in WitHost cannot serve", canon.Offset),
                };
            }
            case ComponentItemOrigin.Alias:
            {
                ComponentAlias alias = _component.Aliases[item.Definition];
                if (alias.Target != ComponentAliasTarget.CoreInstanceExport)
                {
                    break;
                }
                CoreInstanceDefinition source = CoreInstance(alias.Instance);
                if (source.Module is not { } module)
                {
                    ComponentSortIndex? export = source.Exports.FirstOrDefault(e => e.Name == alias.Name && e.Sort == ComponentSort.CoreFunc)
                        ?? throw Refuse($"core instance {alias.Instance} has no function export '{alias.Name}'", source.Offset);
                    return ServedBy(export.Index, import, depth + 1, source.Offset);
                }
                if (alias.Instance == _mainInstance)
                {
                    throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is served by the main module's own export '{alias.Name}'", source.Offset);
                }
                CoreModuleShape shape = Shape(LocalModule(module, source.Offset));
                if (IsAdapter(shape))
                {
                    if (import.Module != "wasi_snapshot_preview1" || alias.Name != import.Name)
                    {
                        throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is served by the WASI preview1 adapter's '{alias.Name}', which WAMR's libc-wasi cannot stand in for", source.Offset);
                    }
                    return Wasi(import);
                }
                if (shape.FindExport(alias.Name, CoreItemKind.Func) is { } shimExport && shape.Forwarders.TryGetValue(shimExport.Index, out uint slot))
                {
                    return ServedBy(FilledSlot(alias.Instance, slot, import, source.Offset), import, depth + 1, source.Offset);
                }
                throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is served by core module {module}, which is neither the WASI preview1 adapter nor a forwarding shim (several core modules with code are not supported)", source.Offset);
            }
        }
        throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is served by a core function WitHost cannot trace", offset);
    }

    /// <summary>
    /// The core function that fills <paramref name="slot"/> of the table the shim instance exports:
    /// the fixup module's element segment puts one of its imported functions there, and the fixup
    /// instance's arguments say which core function that import is.
    /// </summary>
    private uint FilledSlot(uint shimInstance, uint slot, CoreImportEntry import, int offset)
    {
        foreach (CoreInstanceDefinition fixup in _component.CoreInstances)
        {
            if (fixup.Module is not { } module || fixup.Arguments.All(a => a.Index != shimInstance))
            {
                continue;
            }
            CoreModuleShape shape = Shape(LocalModule(module, fixup.Offset));
            if (!shape.TableSlots.TryGetValue(slot, out uint function) || function >= shape.FunctionImports.Count)
            {
                continue;
            }
            CoreImportEntry filler = shape.FunctionImports[(int)function];
            ComponentSortIndex? argument = fixup.Arguments.FirstOrDefault(a => a.Name == filler.Module);
            if (argument is null)
            {
                break;
            }
            CoreInstanceDefinition given = CoreInstance(argument.Index);
            ComponentSortIndex? export = given.Exports.FirstOrDefault(e => e.Name == filler.Name && e.Sort == ComponentSort.CoreFunc);
            if (export is null)
            {
                break;
            }
            return export.Index;
        }
        throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' goes through table slot {slot} of a shim, but no fixup module fills that slot", offset);
    }

    private ComponentImportBinding Lowered(CanonicalFunction lower, CoreImportEntry import)
    {
        (string instance, string function) = ImportedFunction(lower.Function, lower.Offset);
        CanonOptions options = Options(lower.Options!, lower.Offset, $"the lowering of '{instance}' '{function}'");
        if (options.Callback is not null)
        {
            throw Refuse($"the lowering of '{instance}' '{function}' has a callback, which only a lift may have", lower.Offset);
        }
        // The host serves an async lowering under its core name, as for a core module.
        string served = options.Async ? CoreNames.AsyncLowerPrefix + function : function;
        return new ComponentImportBinding(import.Module, import.Name, instance, served, options, ComponentImportKind.Function);
    }

    /// <summary>
    /// An async or thread built-in the main module imports: served by the runtime's built-ins under
    /// the core name wit-bindgen gives it. A built-in that serves no one function
    /// (<c>waitable-set.new</c>, <c>context.get</c>) is served under its <c>$root</c> name whatever
    /// the main module calls it; one that does (<c>task.return</c>, <c>stream.read</c>) must carry
    /// that name, since the canon definition does not say which function it serves.
    /// </summary>
    private ComponentImportBinding Builtin(CanonicalFunction canon, CoreImportEntry import)
    {
        CanonicalBuiltin builtin = canon.Builtin!.Value;
        string what = $"canon {CanonicalBuiltinNames.Of(builtin)}";
        CanonOptions options = canon.Options is { } list ? Options(list, canon.Offset, what) : Default;
        if (CoreNames.RootBuiltin(builtin, canon.Flag, canon.Slot, canon.Options?.Encoding ?? CanonicalStringEncoding.Utf8) is { } root)
        {
            return new ComponentImportBinding(import.Module, import.Name, CoreNames.RootModule, root, options, ComponentImportKind.AsyncBuiltin);
        }
        // The core name says which function (and which of its streams or futures) the built-in
        // serves; the definition says the rest, sync or async included, whatever the name's
        // [async-lower] says (jco 1.35's encoder wires a guest's sync and async import of one
        // stream built-in to the same async definition: the guest gets what the component says).
        string prefix = CoreNames.FunctionBuiltinPrefix(builtin, isAsync: false)!;
        string bare = import.Name.StartsWith(CoreNames.AsyncLowerPrefix, StringComparison.Ordinal) ? import.Name[CoreNames.AsyncLowerPrefix.Length..] : import.Name;
        bool isTask = builtin is CanonicalBuiltin.TaskReturn or CanonicalBuiltin.TaskCancel;
        bool named = (builtin == CanonicalBuiltin.TaskCancel ? bare == prefix : bare.StartsWith(prefix, StringComparison.Ordinal))
            && (!isTask || import.Module.StartsWith(CoreNames.ExportModulePrefix, StringComparison.Ordinal));
        if (!named)
        {
            throw Refuse($"the main core module's import '{import.Module}'.'{import.Name}' is {what}, which WitHost serves only under the core name wit-bindgen gives it ('{prefix}…'{(isTask ? " in module '[export]…'" : "")}), since the definition does not say which function it serves", canon.Offset);
        }
        string served = CoreNames.FunctionBuiltinPrefix(builtin, canon.Flag || options.Async) + bare[prefix.Length..];
        return new ComponentImportBinding(import.Module, import.Name, import.Module, served, options, ComponentImportKind.AsyncBuiltin);
    }

    private ComponentImportBinding Resource(CanonicalFunction canon, CoreImportEntry import, ComponentImportKind kind)
    {
        string prefix = kind switch
        {
            ComponentImportKind.ResourceNew => "[resource-new]",
            ComponentImportKind.ResourceRep => "[resource-rep]",
            _ => "[resource-drop]",
        };
        ComponentItem type = Item(ComponentSort.Type, canon.Type, canon.Offset);
        if (type.Origin == ComponentItemOrigin.Alias && _component.Aliases[type.Definition] is { Target: ComponentAliasTarget.InstanceExport } alias
            && ImportName(alias.Instance) is { } instance)
        {
            return new ComponentImportBinding(import.Module, import.Name, instance, prefix + alias.Name, Default, kind);
        }
        // A resource the component defines itself (an exported resource): its core names are the guest's own.
        return new ComponentImportBinding(import.Module, import.Name, import.Module, import.Name, Default, kind);
    }

    private static CanonOptions Default { get; } = new(StringEncoding.Utf8, null, null);

    private ComponentImportBinding Wasi(CoreImportEntry import)
    {
        _usesAdapter = true;
        return new ComponentImportBinding(import.Module, import.Name, import.Module, import.Name, Default, ComponentImportKind.WasiPreview1);
    }

    /// <summary>The component import a lowered component function comes from: (interface, function), or ("$root", function).</summary>
    private (string Instance, string Function) ImportedFunction(uint function, int offset)
    {
        for (int depth = 0; depth <= MaxForwarding; depth++)
        {
            ComponentItem item = Item(ComponentSort.Func, function, offset);
            switch (item.Origin)
            {
                case ComponentItemOrigin.Import:
                    return ("$root", _component.Imports[item.Definition].Name);
                case ComponentItemOrigin.Export:
                    function = _component.Exports[item.Definition].Index;
                    continue;
                case ComponentItemOrigin.Alias:
                {
                    ComponentAlias alias = _component.Aliases[item.Definition];
                    if (alias.Target == ComponentAliasTarget.InstanceExport && ImportName(alias.Instance) is { } instance)
                    {
                        return (instance, alias.Name);
                    }
                    break;
                }
                case ComponentItemOrigin.Canon:
                    throw Refuse($"the component lowers function {function}, which it lifts itself (a component-internal adapter)", offset);
            }
            break;
        }
        throw Refuse($"the component lowers function {function}, which is not a function it imports", offset);
    }

    /// <summary>The import name of instance <paramref name="instance"/> when it is an imported instance.</summary>
    private string? ImportName(uint instance)
    {
        IReadOnlyList<ComponentItem> space = _component.Space(ComponentSort.Instance);
        if (instance >= space.Count)
        {
            return null;
        }
        ComponentItem item = space[(int)instance];
        return item.Origin == ComponentItemOrigin.Import ? _component.Imports[item.Definition].Name : null;
    }

    private CanonOptions Options(CanonicalOptionList options, int offset, string what)
    {
        if (options.Callback is not null && !options.Async)
        {
            throw Refuse($"{what} has a callback but not the async option", offset);
        }
        if (options.Memory is { } memory)
        {
            (uint instance, string name) = CoreExportOf(memory, ComponentSort.CoreMemory, offset);
            if (instance != _mainInstance)
            {
                throw Refuse($"{what} uses the memory '{name}' of core instance {instance}, not the main module's", offset);
            }
        }
        return new CanonOptions(
            options.Encoding switch
            {
                CanonicalStringEncoding.Utf16 => StringEncoding.Utf16,
                CanonicalStringEncoding.Latin1Utf16 => StringEncoding.Latin1Utf16,
                _ => StringEncoding.Utf8,
            },
            MainExportName(options.Realloc, offset, what, "realloc"),
            MainExportName(options.PostReturn, offset, what, "post-return"),
            options.Async,
            MainExportName(options.Callback, offset, what, "callback"));
    }

    private string? MainExportName(uint? function, int offset, string what, string option)
    {
        if (function is not { } index)
        {
            return null;
        }
        (uint instance, string name) = CoreExportOf(index, ComponentSort.CoreFunc, offset);
        if (instance != _mainInstance)
        {
            throw Refuse($"{what} uses the {option} '{name}' of core instance {instance}, not one of the main module's exports", offset);
        }
        return name;
    }

    /// <summary>The (core instance, export name) a core item aliases.</summary>
    private (uint Instance, string Name) CoreExportOf(uint index, ComponentSort sort, int offset)
    {
        ComponentItem item = Item(sort, index, offset);
        if (item.Origin == ComponentItemOrigin.Alias && _component.Aliases[item.Definition] is { Target: ComponentAliasTarget.CoreInstanceExport } alias)
        {
            return (alias.Instance, alias.Name);
        }
        throw Refuse($"{ComponentSortFacts.Describe(sort)} {index} is not an export of a core instance", offset);
    }

    private ComponentItem Item(ComponentSort sort, uint index, int offset)
    {
        IReadOnlyList<ComponentItem> space = _component.Space(sort);
        return index < space.Count ? space[(int)index] : throw Refuse($"{ComponentSortFacts.Describe(sort)} {index} does not exist", offset);
    }

    private CoreInstanceDefinition CoreInstance(uint index)
    {
        ComponentItem item = Item(ComponentSort.CoreInstance, index, _component.Offset);
        if (item.Origin != ComponentItemOrigin.CoreInstance)
        {
            throw Refuse($"core instance {index} is aliased or imported, not defined by the component", _component.Offset);
        }
        return _component.CoreInstances[item.Definition];
    }

    /// <summary>The position in <see cref="ComponentBinary.CoreModules"/> of core module <paramref name="index"/>.</summary>
    private int LocalModule(uint index, int offset)
    {
        ComponentItem item = Item(ComponentSort.CoreModule, index, offset);
        if (item.Origin != ComponentItemOrigin.CoreModule)
        {
            throw Refuse($"core module {index} is imported or aliased, not carried by the component", offset);
        }
        return item.Definition;
    }

    private CoreModuleShape Shape(int module)
    {
        if (!_shapes.TryGetValue(module, out CoreModuleShape? shape))
        {
            shape = CoreModuleShapeReader.Read(_component.CoreModules[module]);
            _shapes.Add(module, shape);
        }
        return shape;
    }

    /// <summary>
    /// The WASI preview1 adapter: a module that exports preview1 functions, under their preview1
    /// names, and no other functions but its own <c>cabi_*</c> helpers.
    /// </summary>
    private static bool IsAdapter(CoreModuleShape shape)
    {
        var functions = shape.Exports.Where(e => e.Kind == CoreItemKind.Func).ToList();
        return functions.Any(e => WasiPreview1Functions.Contains(e.Name))
            && functions.All(e => WasiPreview1Functions.Contains(e.Name) || e.Name.StartsWith("cabi_", StringComparison.Ordinal));
    }

    private static ComponentLoadException Refuse(string message, int offset) =>
        new($"The component cannot run on WitHost: {message}.", offset);
}
