using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// The Canonical ABI's async built-ins a core guest may import, under the names wit-bindgen and
/// <c>wasm-tools component new</c> give them, with their core types (CanonicalABI.md): the ones of
/// module <c>$root</c> (among them those of streams and futures without elements,
/// <c>[stream-new-unit]</c>…), and the stream and future built-ins of each function whose type holds
/// streams or futures (<c>[stream-read-0]f</c>: the first stream or future of <c>f</c>).
/// </summary>
public static class CoreAsyncBuiltins
{
    private static readonly CoreValueType I32 = CoreValueType.I32;

    /// <summary>The built-ins of module <c>$root</c> with their core types.</summary>
    public static EquatableArray<CoreContractImport> Root { get; } = CreateRoot();

    /// <summary>True when a guest of a function with this type uses the async ABI: it is async, or moves streams, futures or error contexts.</summary>
    public static bool UsesAsync(WitFunction function)
        => function.IsAsync || function.Parameters.Any(parameter => HoldsAsyncValue(parameter.Type)) || (function.Result is { } result && HoldsAsyncValue(result));

    /// <summary>
    /// The streams and futures in <paramref name="function"/>'s type, numbered as the built-ins'
    /// N is: parameters, then the result; each stream's or future's payload before itself.
    /// </summary>
    public static IReadOnlyList<WitType> Channels(WitFunction function)
    {
        var channels = new List<WitType>();
        foreach (var parameter in function.Parameters)
        {
            Collect(parameter.Type, channels);
        }

        if (function.Result is { } result)
        {
            Collect(result, channels);
        }

        return channels;
    }

    /// <summary>The streams and futures of <paramref name="function"/> as its built-ins in <paramref name="module"/> name them, with their element layouts.</summary>
    public static IEnumerable<CoreChannelType> ChannelTypes(string module, WitFunction function)
    {
        var channels = Channels(function);
        for (var i = 0; i < channels.Count; i++)
        {
            yield return ChannelType(module, function.Name, i, channels[i]);
        }
    }

    /// <summary>The layout of <paramref name="channel"/> (a stream or future type) for built-ins of <paramref name="module"/> and <paramref name="function"/>, number <paramref name="index"/>.</summary>
    public static CoreChannelType ChannelType(string module, string function, int index, WitType channel)
    {
        var isFuture = channel.Unaliased is WitFutureType;
        var payload = channel.Unaliased is WitFutureType future ? future.Payload : ((WitStreamType)channel.Unaliased).Payload;
        var layout = payload is null ? null : CanonicalLayout.Of(payload);
        var unaliased = payload?.Unaliased;
        var isNumber = unaliased is null or WitPrimitiveType { Kind: not (WitPrimitiveKind.Bool or WitPrimitiveKind.Char or WitPrimitiveKind.String) };
        var isBytes = unaliased is null or WitPrimitiveType { Kind: not WitPrimitiveKind.String };
        return new CoreChannelType(module, function, index, isFuture, payload?.ToString() ?? "", StructuralTypeName.Of(payload), layout?.Size ?? 0, layout?.Alignment ?? 1, isNumber, isBytes);
    }

    /// <summary>
    /// The stream and future built-ins a guest may import for <paramref name="function"/>, in
    /// <paramref name="module"/> (its import module, or <c>[export]…</c> for an export).
    /// </summary>
    public static IEnumerable<CoreContractImport> ChannelImports(string module, WitFunction function)
    {
        var channels = Channels(function);
        for (var i = 0; i < channels.Count; i++)
        {
            foreach (var import in ChannelImports(module, channels[i].Unaliased is WitFutureType, i.ToString(System.Globalization.CultureInfo.InvariantCulture), function.Name))
            {
                yield return import;
            }
        }
    }

    /// <summary>
    /// The layout of a stream or future without elements as the <c>$root</c> built-ins named with
    /// <see cref="CoreNames.UnitChannel"/> (<c>[stream-new-unit]</c>) serve it.
    /// </summary>
    public static CoreChannelType UnitChannelType(bool isFuture)
        => new(CoreNames.RootModule, "", -1, isFuture, "", "", 0, 1, ElementIsNumber: true, ElementIsBytes: true);

    // The built-ins of one stream or future: N is its number in the function's type, or "unit".
    private static IEnumerable<CoreContractImport> ChannelImports(string module, bool isFuture, string index, string function)
    {
        var kind = isFuture ? "future" : "stream";
        var name = "-" + index + "]" + function;

        // A stream copy passes (end, pointer, count), a future's (end, pointer): both answer a copy result or BLOCKED.
        var copy = new CoreFunctionType(
            isFuture ? EquatableArray.Create(I32, I32) : EquatableArray.Create(I32, I32, I32),
            EquatableArray.Create(I32));
        yield return new CoreContractImport(module, "[" + kind + "-new" + name, new CoreFunctionType(EquatableArray<CoreValueType>.Empty, EquatableArray.Create(CoreValueType.I64)));
        foreach (var prefix in new[] { "", CoreNames.AsyncLowerPrefix })
        {
            yield return new CoreContractImport(module, prefix + "[" + kind + "-read" + name, copy);
            yield return new CoreContractImport(module, prefix + "[" + kind + "-write" + name, copy);
            yield return new CoreContractImport(module, prefix + "[" + kind + "-cancel-read" + name, CoreFunctionType.HandleToI32);
            yield return new CoreContractImport(module, prefix + "[" + kind + "-cancel-write" + name, CoreFunctionType.HandleToI32);
        }

        yield return new CoreContractImport(module, "[" + kind + "-drop-readable" + name, CoreFunctionType.ConsumeI32);
        yield return new CoreContractImport(module, "[" + kind + "-drop-writable" + name, CoreFunctionType.ConsumeI32);
    }

    private static bool HoldsAsyncValue(WitType type)
    {
        var unaliased = type.Unaliased;
        return unaliased switch
        {
            WitStreamType or WitFutureType or WitErrorContextType => true,
            WitListType list => HoldsAsyncValue(list.Element),
            WitMapType map => HoldsAsyncValue(map.Key) || HoldsAsyncValue(map.Value),
            _ => Despecialized.Fields(unaliased)?.Any(HoldsAsyncValue)
                ?? Despecialized.Cases(unaliased)?.Any(payload => payload is not null && HoldsAsyncValue(payload))
                ?? false,
        };
    }

    private static void Collect(WitType type, List<WitType> channels)
    {
        var unaliased = type.Unaliased;
        switch (unaliased)
        {
            case WitStreamType stream:
                if (stream.Payload is { } streamPayload)
                {
                    Collect(streamPayload, channels);
                }

                channels.Add(stream);
                return;
            case WitFutureType future:
                if (future.Payload is { } futurePayload)
                {
                    Collect(futurePayload, channels);
                }

                channels.Add(future);
                return;
            case WitListType list:
                Collect(list.Element, channels);
                return;
            case WitMapType map:
                Collect(map.Key, channels);
                Collect(map.Value, channels);
                return;
        }

        foreach (var field in Despecialized.Fields(unaliased) ?? [])
        {
            Collect(field, channels);
        }

        foreach (var payload in Despecialized.Cases(unaliased) ?? [])
        {
            if (payload is not null)
            {
                Collect(payload, channels);
            }
        }
    }

    private static EquatableArray<CoreContractImport> CreateRoot()
    {
        var none = EquatableArray<CoreValueType>.Empty;
        var one = EquatableArray.Create(I32);
        var two = EquatableArray.Create(I32, I32);
        var returnsI32 = new CoreFunctionType(none, one);
        var nothing = new CoreFunctionType(none, none);
        var builtins = new List<CoreContractImport>
        {
            Builtin("[waitable-set-new]", returnsI32),
            Builtin("[waitable-set-wait]", new CoreFunctionType(two, one)),
            Builtin("[waitable-set-poll]", new CoreFunctionType(two, one)),
            Builtin("[waitable-set-drop]", CoreFunctionType.ConsumeI32),
            Builtin("[waitable-join]", new CoreFunctionType(two, none)),
            Builtin("[subtask-drop]", CoreFunctionType.ConsumeI32),
            Builtin("[subtask-cancel]", CoreFunctionType.HandleToI32),
            Builtin(CoreNames.AsyncLowerPrefix + "[subtask-cancel]", CoreFunctionType.HandleToI32),
            Builtin("[context-get-0]", returnsI32),
            Builtin("[context-set-0]", CoreFunctionType.ConsumeI32),
            Builtin("[backpressure-set]", CoreFunctionType.ConsumeI32),
            Builtin("[backpressure-inc]", nothing),
            Builtin("[backpressure-dec]", nothing),
            Builtin("[thread-yield]", returnsI32),
            Builtin("[error-context-drop]", CoreFunctionType.ConsumeI32),
        };
        foreach (var encoding in new[] { "utf8", "utf16", "latin1+utf16" })
        {
            builtins.Add(Builtin("[error-context-new-" + encoding + "]", new CoreFunctionType(two, one)));
            builtins.Add(Builtin("[error-context-debug-message-" + encoding + "]", new CoreFunctionType(two, none)));
        }

        // Streams and futures without elements, named by no function (wit-bindgen's inter-task wake-up).
        builtins.AddRange(ChannelImports(CoreNames.RootModule, isFuture: false, CoreNames.UnitChannel, ""));
        builtins.AddRange(ChannelImports(CoreNames.RootModule, isFuture: true, CoreNames.UnitChannel, ""));

        return builtins.ToEquatableArray();
    }

    private static CoreContractImport Builtin(string name, CoreFunctionType type) => new(CoreNames.RootModule, name, type);
}
