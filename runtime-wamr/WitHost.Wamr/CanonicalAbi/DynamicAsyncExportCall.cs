using WitHost.Wamr.Async;
using WitHost.Wamr.Validation;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Calls a guest's async export (an <c>async func</c> lifted with the callback ABI) with dynamic
/// values, through <see cref="AsyncExportCall"/>: checks the core signature against the WIT
/// function, lowers the arguments when the task starts, and lifts the result from the guest's
/// <c>task.return</c>.
/// </summary>
public static class DynamicAsyncExportCall
{
    /// <summary>Calls async export <paramref name="exportName"/> (its name without <c>[async-lift]</c>), which implements <paramref name="function"/>.</summary>
    /// <returns>The task of the call: its result, or null when the function returns nothing.</returns>
    /// <param name="instance">The instance; its imports must serve the async built-ins (<see cref="AsyncBuiltins.AddTo(Hosting.HostImports)"/>).</param>
    /// <param name="exportName">The export as the world names it (<c>ns:pkg/iface#f</c>, or a world function's name).</param>
    /// <param name="function">The WIT function (an <c>async func</c>).</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="encoding">The string encoding of the guest's glue.</param>
    /// <param name="cancellationToken">Cancels the call: the guest is told at its next wait or yield.</param>
    /// <exception cref="WamrException">The guest lacks the export or its callback, or their core types do not match the WIT function.</exception>
    /// <exception cref="ArgumentException">The function is not async.</exception>
    public static Task<WitValue?> InvokeAsync(WamrInstance instance, string exportName, WitFunction function, IReadOnlyList<WitValue> arguments, StringEncoding encoding = StringEncoding.Utf8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(exportName);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!function.IsAsync)
        {
            throw new ArgumentException($"{exportName} is not an async func: call it with DynamicExportCall.", nameof(function));
        }

        var signature = CoreFunctionSignature.For(function, AbiDirection.Lift);
        var liftName = instance.Module.Component?.CoreExportFor(CoreNames.AsyncLift(exportName)) ?? CoreNames.AsyncLift(exportName);
        var moduleExport = instance.Module.Info.Exports.FirstOrDefault(e => e.Name == liftName);
        if (GuestChecks.CheckExport(liftName, moduleExport, CoreFunctionTypes.From(signature), isRequired: true) is { } mismatch)
        {
            throw new WamrException(mismatch.Message);
        }

        var parameterTypes = function.Parameters.Select(p => p.Type).ToArray();
        return AsyncExportCall.InvokeAsync<WitValue?>(
            instance,
            exportName,
            owner =>
            {
                var context = new CanonicalAbiContext(new WamrCanonicalMemory(owner), encoding, exportName, owner.MaxLiftBytes);
                return [.. CanonicalLower.LowerValues(context, parameterTypes, arguments, CoreFunctionSignature.MaxFlatParams)];
            },
            call =>
            {
                if (function.Result is not { } resultType)
                {
                    return null;
                }

                // task.return takes the result as the parameters of a lowered function would be.
                var flat = new WasmValue[call.ArgumentCount];
                for (var i = 0; i < flat.Length; i++)
                {
                    flat[i] = call.GetArgument(i);
                }

                var context = new CanonicalAbiContext(new WamrCanonicalMemory(call.Instance), encoding, exportName, call.Instance.MaxLiftBytes);
                return CanonicalLift.LiftValues(context, [resultType], flat, CoreFunctionSignature.MaxFlatParams)[0];
            },
            cancellationToken);
    }
}
