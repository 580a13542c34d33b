using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// Every function of a world with its core name and signature: what a host must provide
/// (imports) and may call (exports) on a core guest that implements the world.
/// </summary>
/// <param name="Imports">The imported functions, in world order (resource functions included).</param>
/// <param name="Exports">The exported functions, in world order.</param>
public sealed record CoreWorldBindings(EquatableArray<CoreImportBinding> Imports, EquatableArray<CoreExportBinding> Exports)
{
    /// <summary>The bindings of <paramref name="world"/>.</summary>
    public static CoreWorldBindings For(WitWorld world)
    {
        if (world is null)
        {
            throw new ArgumentNullException(nameof(world));
        }

        var imports = new List<CoreImportBinding>();
        foreach (var (itemName, function) in Functions(world.Imports))
        {
            imports.Add(new CoreImportBinding(itemName, function, CoreNames.Import(itemName, function), CoreFunctionSignature.For(function, AbiDirection.Lower)));
        }

        var exports = new List<CoreExportBinding>();
        foreach (var (itemName, function) in Functions(world.Exports))
        {
            // An async export is started by its [async-lift] export (and has no post-return).
            var coreName = function.IsAsync ? CoreNames.AsyncLift(CoreNames.Export(itemName, function)) : CoreNames.Export(itemName, function);
            exports.Add(new CoreExportBinding(itemName, function, coreName, CoreNames.PostReturn(coreName), CoreFunctionSignature.For(function, AbiDirection.Lift)));
        }

        return new CoreWorldBindings(imports.ToEquatableArray(), exports.ToEquatableArray());
    }

    private static IEnumerable<(string? ItemName, WitFunction Function)> Functions(EquatableArray<WitWorldItem> items)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case WitWorldFunctionItem functionItem:
                    yield return (null, functionItem.Function);
                    break;
                case WitWorldInterfaceItem interfaceItem:
                    foreach (var function in interfaceItem.Interface.Functions)
                    {
                        yield return (interfaceItem.Name, function);
                    }

                    break;
            }
        }
    }
}
