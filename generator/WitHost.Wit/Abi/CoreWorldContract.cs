using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// What a core guest of a world must look like: the functions it may import (each one the host
/// provides), the functions it must or may export, each with its exact core type, and whether it
/// must export its memory. Hosts check a guest against this before running any of its code.
/// </summary>
/// <param name="Imports">Every function the host provides to the guest: the world's imported
/// functions, <c>[resource-drop]</c> of imported resources, the <c>[export]…</c> intrinsics of
/// exported resources and, for a world that uses the async ABI, the async built-ins
/// (<see cref="CoreAsyncBuiltins"/>) and each async export's <c>[task-return]</c> and <c>[task-cancel]</c>.</param>
/// <param name="Exports">Every function the host calls or may call: the world's exported functions
/// (required), their <c>cabi_post_*</c> functions and the destructors of exported resources
/// (optional), and <c>cabi_realloc</c> (required when the host lowers strings or lists into the guest).</param>
/// <param name="NeedsMemory">True when some function passes values through linear memory, so the
/// guest must export <c>memory</c>.</param>
public sealed record CoreWorldContract(
    EquatableArray<CoreContractImport> Imports,
    EquatableArray<CoreContractExport> Exports,
    bool NeedsMemory)
{
    /// <summary>The streams and futures the guest's built-ins name, with their element layouts (the element types of <c>[stream-read-N]f</c>…).</summary>
    public EquatableArray<CoreChannelType> Channels { get; init; } = EquatableArray<CoreChannelType>.Empty;

    /// <summary>The name of the memory export the Canonical ABI reads and writes.</summary>
    public const string MemoryExport = "memory";

    /// <summary>The contract of a core guest of <paramref name="world"/>.</summary>
    public static CoreWorldContract For(WitWorld world)
    {
        if (world is null)
        {
            throw new ArgumentNullException(nameof(world));
        }

        var bindings = CoreWorldBindings.For(world);
        var imports = new List<CoreContractImport>();
        var exports = new List<CoreContractExport>();
        var needsMemory = false;
        var needsRealloc = false;

        foreach (var import in bindings.Imports)
        {
            imports.Add(new CoreContractImport(import.CoreName.Module, import.CoreName.Name, import.Signature.Type, PassesStrings(import.Function)));
            needsMemory |= UsesMemory(import.Function, import.Signature);

            // The host writes strings and lists of an import's result into blocks the guest allocates.
            needsRealloc |= import.Function.Result is { } result && ContainsPointers(result);
        }

        foreach (var (itemName, resource) in Resources(world.Imports))
        {
            var drop = CoreNames.ImportedResourceDrop(itemName, resource);
            imports.Add(new CoreContractImport(drop.Module, drop.Name, CoreFunctionType.ConsumeI32));
        }

        foreach (var (itemName, resource) in Resources(world.Exports))
        {
            foreach (var intrinsic in new[]
            {
                (CoreNames.ExportedResourceNew(itemName, resource), CoreFunctionType.HandleToI32),
                (CoreNames.ExportedResourceRep(itemName, resource), CoreFunctionType.HandleToI32),
                (CoreNames.ExportedResourceDrop(itemName, resource), CoreFunctionType.ConsumeI32),
            })
            {
                imports.Add(new CoreContractImport(intrinsic.Item1.Module, intrinsic.Item1.Name, intrinsic.Item2));
            }

            exports.Add(new CoreContractExport(CoreNames.ExportedResourceDestructor(itemName, resource), CoreFunctionType.ConsumeI32, IsRequired: false));
        }

        var usesAsync = false;
        var channels = new List<CoreChannelType>();
        foreach (var import in bindings.Imports)
        {
            usesAsync |= CoreAsyncBuiltins.UsesAsync(import.Function);
            imports.AddRange(CoreAsyncBuiltins.ChannelImports(import.CoreName.Module, import.Function));
            channels.AddRange(CoreAsyncBuiltins.ChannelTypes(import.CoreName.Module, import.Function));
        }

        var taskCancels = new HashSet<CoreImportName>();
        foreach (var export in bindings.Exports)
        {
            exports.Add(new CoreContractExport(export.CoreName, export.Signature.Type, IsRequired: true, PassesStrings(export.Function)));
            usesAsync |= CoreAsyncBuiltins.UsesAsync(export.Function);
            imports.AddRange(CoreAsyncBuiltins.ChannelImports(CoreNames.ExportedResourceModule(export.InterfaceItemName), export.Function));
            channels.AddRange(CoreAsyncBuiltins.ChannelTypes(CoreNames.ExportedResourceModule(export.InterfaceItemName), export.Function));
            if (export.Function.IsAsync)
            {
                // Lifted with a callback: the host calls it with each event, and the guest returns
                // the result through task.return (a pointer to it when it is too big to flatten).
                exports.Add(new CoreContractExport(CoreNames.Callback(CoreNames.Export(export.InterfaceItemName, export.Function)), CoreFunctionType.Callback, IsRequired: true));
                var taskReturn = CoreNames.TaskReturn(export.InterfaceItemName, export.Function);
                imports.Add(new CoreContractImport(taskReturn.Module, taskReturn.Name, new CoreFunctionType(export.Signature.TaskReturnParams, EquatableArray<CoreValueType>.Empty), PassesStrings(export.Function)));
                // task.cancel is one built-in whatever the export: wit-bindgen's Rust runtime imports
                // it from [export]$root for the exports of interfaces too.
                foreach (var taskCancel in new[] { CoreNames.TaskCancel(export.InterfaceItemName), CoreNames.TaskCancel(null) })
                {
                    if (taskCancels.Add(taskCancel))
                    {
                        imports.Add(new CoreContractImport(taskCancel.Module, taskCancel.Name, new CoreFunctionType(EquatableArray<CoreValueType>.Empty, EquatableArray<CoreValueType>.Empty)));
                    }
                }
            }
            else
            {
                exports.Add(new CoreContractExport(export.PostReturnName, export.Signature.Type.PostReturn(), IsRequired: false));
            }

            needsMemory |= UsesMemory(export.Function, export.Signature);

            // The host allocates an export's spilled parameters and every string and list in them.
            needsRealloc |= export.Signature.ParamsInMemory || export.Function.Parameters.Any(parameter => ContainsPointers(parameter.Type));
        }

        if (usesAsync)
        {
            imports.AddRange(CoreAsyncBuiltins.Root);
        }

        exports.Add(new CoreContractExport(CoreNames.Realloc, CoreFunctionType.Realloc, needsRealloc));
        return new CoreWorldContract(imports.ToEquatableArray(), exports.ToEquatableArray(), needsMemory) { Channels = channels.ToEquatableArray() };
    }

    private static bool UsesMemory(WitFunction function, CoreFunctionSignature signature)
        => signature.ParamsInMemory
        || signature.ResultsInMemory
        || function.Parameters.Any(parameter => ContainsPointers(parameter.Type))
        || (function.Result is { } result && ContainsPointers(result));

    /// <summary>True when a value of <paramref name="type"/> holds a pointer into linear memory (a string or a list).</summary>
    public static bool ContainsPointers(WitType type)
        => Contains(type, unaliased => unaliased is WitListType or WitMapType || IsString(unaliased));

    /// <summary>True when a value of <paramref name="type"/> holds a string (so its encoding matters).</summary>
    public static bool ContainsStrings(WitType type) => Contains(type, IsString);

    /// <summary>
    /// True when <paramref name="function"/>'s parameters or result hold strings. A string-encoding
    /// option only means something for such a function (wit-component leaves it out of the others'
    /// canon options).
    /// </summary>
    public static bool PassesStrings(WitFunction function)
        => function.Parameters.Any(parameter => ContainsStrings(parameter.Type)) || (function.Result is { } result && ContainsStrings(result));

    private static bool IsString(WitType type) => type is WitPrimitiveType { Kind: WitPrimitiveKind.String };

    private static bool Contains(WitType type, Func<WitType, bool> leaf)
    {
        var unaliased = type.Unaliased;
        if (leaf(unaliased))
        {
            return true;
        }

        return unaliased switch
        {
            WitListType list => Contains(list.Element, leaf),
            WitMapType map => Contains(map.Key, leaf) || Contains(map.Value, leaf),
            _ => Despecialized.Fields(unaliased)?.Any(field => Contains(field, leaf))
                ?? Despecialized.Cases(unaliased)?.Any(payload => payload is not null && Contains(payload, leaf))
                ?? false,
        };
    }

    /// <summary>
    /// The resources <paramref name="items"/> (a world's imports or exports) define, each with the
    /// world item of its interface (null for a world's own resource): the ones whose intrinsics a
    /// host serves.
    /// </summary>
    public static IEnumerable<(string? ItemName, WitResourceType Resource)> Resources(EquatableArray<WitWorldItem> items)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case WitWorldTypeItem { Type: WitResourceType resource }:
                    yield return (null, resource);
                    break;
                case WitWorldInterfaceItem interfaceItem:
                    foreach (var resource in interfaceItem.Interface.Types.OfType<WitResourceType>())
                    {
                        yield return (interfaceItem.Name, resource);
                    }

                    break;
            }
        }
    }
}
