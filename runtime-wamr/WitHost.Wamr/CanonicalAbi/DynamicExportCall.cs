using WitHost.Wamr.Validation;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Calls a guest export with dynamic values: checks the core signature against the WIT function,
/// lowers the arguments (allocating strings and lists in the guest), calls, lifts the result and
/// then lets the guest free it through <c>cabi_post_&lt;export&gt;</c>.
/// </summary>
public static class DynamicExportCall
{
    /// <summary>Calls export <paramref name="exportName"/>, which implements <paramref name="function"/>.</summary>
    /// <returns>The result, or null when the function returns nothing.</returns>
    /// <exception cref="WamrException">The guest lacks the export or its core type does not match the WIT function.</exception>
    /// <exception cref="WasmTrapException">The guest trapped, or returned a value the Canonical ABI rejects.</exception>
    /// <exception cref="ArgumentException">The arguments do not fit the parameter types.</exception>
    /// <exception cref="WasmExitException">The guest exited in the call: it has no result, and the instance stays usable.</exception>
    public static WitValue? Invoke(WamrInstance instance, string exportName, WitFunction function, IReadOnlyList<WitValue> arguments, StringEncoding encoding = StringEncoding.Utf8)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(exportName);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        var signature = CoreFunctionSignature.For(function, AbiDirection.Lift);
        var moduleExport = instance.Module.Info.Exports.FirstOrDefault(e => e.Name == exportName);
        if (GuestChecks.CheckExport(exportName, moduleExport, CoreFunctionTypes.From(signature), isRequired: true) is { } mismatch)
        {
            throw new WamrException(mismatch.Message);
        }

        var export = instance.GetFunction(exportName);

        var parameterTypes = function.Parameters.Select(p => p.Type).ToArray();

        // The whole call owns the instance: another thread's call would move the memory or reuse
        // the guest's return area between the steps. An instance already on this thread's stack
        // is not re-entered: that is a trap.
        using var scope = instance.EnterExportCall(exportName);
        var context = new CanonicalAbiContext(new WamrCanonicalMemory(instance), encoding, exportName, instance.MaxLiftBytes);
        var flatArguments = CanonicalLower.LowerValues(context, parameterTypes, arguments, CoreFunctionSignature.MaxFlatParams);
        // Through the scope, as a generated call: a guest that exits throws WasmExitException
        // there, before its meaningless results are lifted or handed to its post-return.
        var cells = new uint[Math.Max(Math.Max(export.ParameterCells, export.ResultCells), 1)];
        export.WriteArguments([.. flatArguments], cells);
        scope.InvokeCells(export, cells);
        var flatResults = new WasmValue[export.Type.Results.Length];
        export.ReadResults(cells, flatResults);

        // The call may have grown and moved the memory.
        context.Refresh();
        WitValue? result = null;
        if (function.Result is { } resultType)
        {
            result = CanonicalLift.LiftValues(context, [resultType], flatResults, CoreFunctionSignature.MaxFlatResults)[0];
        }

        // cabi_post_* takes the export's core results as its parameters, in the cells the call left.
        instance.PostReturn(export, cells.AsSpan(0, export.ResultCells));
        return result;
    }
}
