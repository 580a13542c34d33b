using WitHost.Wamr.Async;
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
/// <remarks>
/// A stream or future is a <see cref="WitHandleValue"/>: the index of an end in the guest's table,
/// as the byte-level <see cref="AsyncChannels"/> functions number them. Nothing moves it: an end
/// the guest passes stays in its table until the host takes it
/// (<see cref="AsyncChannels.TakeStreamReader(WamrInstance, uint, string, WitStreamType)"/>), and one the implementation returns must be an
/// end the guest holds (<see cref="AsyncChannels.LowerNewStream"/>).
/// </remarks>
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
        return Create([.. function.Parameters.Select(p => p.Type)], function.Result, implementation, encoding);
    }

    /// <summary>A host function for an import taking <paramref name="parameterTypes"/> and returning <paramref name="resultType"/> (null: nothing).</summary>
    internal static HostFunction Create(WitType[] parameterTypes, WitType? resultType, Func<IReadOnlyList<WitValue>, WitValue?> implementation, StringEncoding encoding = StringEncoding.Utf8)
    {
        var signature = CoreFunctionSignature.For(parameterTypes, resultType, AbiDirection.Lower);
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

            var value = implementation(arguments);
            if (resultType is not { } type)
            {
                return;
            }

            if (value is null)
            {
                throw new InvalidOperationException($"The implementation of {name} returned nothing, but the function returns {type}.");
            }

            // The implementation ran host code that may have called into the guest.
            context.Refresh();
            uint? outPointer = signature.ResultsInMemory ? flat[^1].AsUInt32() : null;
            var flatResult = CanonicalLower.LowerValues(context, [type], [value], CoreFunctionSignature.MaxFlatResults, outPointer);
            if (flatResult.Count == 1)
            {
                call.SetResult(flatResult[0]);
            }
        };
    }

    /// <summary>
    /// The implementation of async import <paramref name="function"/> (an <c>async func</c> the
    /// guest lowers with <c>[async-lower]</c>; define it with <see cref="AsyncHostImports.DefineAsync"/>)
    /// by <paramref name="implementation"/>: the guest's arguments are lifted during its call (from
    /// memory when they flatten to more than 4 values), and the result is written through its
    /// out-pointer when the guest learns the subtask returned.
    /// </summary>
    /// <param name="function">The imported WIT function.</param>
    /// <param name="implementation">Gets the lifted arguments and the subtask's token; returns the result, or null when the function has none.</param>
    /// <param name="encoding">The string encoding the guest uses.</param>
    public static AsyncHostFunction CreateAsync(WitFunction function, Func<IReadOnlyList<WitValue>, CancellationToken, ValueTask<WitValue?>> implementation, StringEncoding encoding = StringEncoding.Utf8)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(implementation);
        var parameterTypes = function.Parameters.Select(p => p.Type).ToArray();
        return (call, cancellationToken) =>
        {
            var name = call.Import.Module + "::" + call.Import.Name;
            var flat = new WasmValue[call.ArgumentCount];
            for (var i = 0; i < flat.Length; i++)
            {
                flat[i] = call.GetArgument(i);
            }

            // An async lowering with a result always passes an out-pointer, its last argument.
            var parameterCount = function.Result is null ? flat.Length : flat.Length - 1;
            var context = new CanonicalAbiContext(new WamrCanonicalMemory(call.Instance), encoding, name, call.Instance.MaxLiftBytes);
            var arguments = CanonicalLift.LiftValues(context, parameterTypes, flat[..parameterCount], CoreFunctionSignature.MaxFlatAsyncParams);
            uint? outPointer = function.Result is null ? null : flat[^1].AsUInt32();
            return AsyncHostImports.WhenDone(implementation(arguments, cancellationToken), (instance, result) =>
            {
                if (function.Result is not { } resultType)
                {
                    return;
                }

                if (result is null)
                {
                    throw new InvalidOperationException($"The implementation of {name} returned nothing, but the function returns {resultType}.");
                }

                var resultContext = new CanonicalAbiContext(new WamrCanonicalMemory(instance), encoding, name, instance.MaxLiftBytes);
                CanonicalLower.LowerValues(resultContext, [resultType], [result], maxFlat: 0, outPointer);
            });
        };
    }
}
