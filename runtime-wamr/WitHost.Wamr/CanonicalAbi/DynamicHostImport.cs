using WitHost.Wamr.Hosting;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Serves a guest import with dynamic values: lifts the guest's arguments (from memory when they
/// flatten to more than 16 values), runs the implementation, and lowers its result (through the
/// guest's out-pointer when it flattens to more than one value).
/// </summary>
public static class DynamicHostImport
{
    /// <summary>A host function for import <paramref name="function"/> implemented by <paramref name="implementation"/>.</summary>
    /// <param name="function">The imported WIT function.</param>
    /// <param name="implementation">Gets the lifted arguments; returns the result, or null when the function has none.</param>
    /// <param name="encoding">The string encoding the guest uses.</param>
    public static HostFunction Create(WitFunction function, Func<IReadOnlyList<WitValue>, WitValue?> implementation, StringEncoding encoding = StringEncoding.Utf8)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(implementation);
        var signature = CoreFunctionSignature.For(function, AbiDirection.Lower);
        var parameterTypes = function.Parameters.Select(p => p.Type).ToArray();
        return call =>
        {
            var name = call.Import.Module + "::" + call.Import.Name;
            var flat = new WasmValue[call.ArgumentCount];
            for (var i = 0; i < flat.Length; i++)
            {
                flat[i] = call.GetArgument(i);
            }

            var parameterCount = signature.ResultsInMemory ? flat.Length - 1 : flat.Length;
            var context = new CanonicalAbiContext(new WamrCanonicalMemory(call.Instance), encoding, name, call.Instance.MaxLiftBytes);
            var arguments = CanonicalLift.LiftValues(context, parameterTypes, flat[..parameterCount], CoreFunctionSignature.MaxFlatParams);

            var result = implementation(arguments);
            if (function.Result is not { } resultType)
            {
                return;
            }

            if (result is null)
            {
                throw new InvalidOperationException($"The implementation of {name} returned nothing, but the function returns {resultType}.");
            }

            // The implementation ran host code that may have called into the guest.
            context.Refresh();
            uint? outPointer = signature.ResultsInMemory ? flat[^1].AsUInt32() : null;
            var flatResult = CanonicalLower.LowerValues(context, [resultType], [result], CoreFunctionSignature.MaxFlatResults, outPointer);
            if (flatResult.Count == 1)
            {
                call.SetResult(flatResult[0]);
            }
        };
    }
}
