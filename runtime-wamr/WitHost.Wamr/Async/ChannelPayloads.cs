using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Async;

/// <summary>
/// Which stream or future type a built-in like <c>[stream-read-0]f</c> of module <c>M</c> means: the
/// N-th stream or future in the type of function <c>f</c> of <c>M</c> (an imported interface, or
/// <c>[export]…</c> for an exported one; <c>$root</c> for world functions), counting as wit-bindgen
/// does: parameters then result, each type's payload before the type itself.
/// </summary>
internal sealed class ChannelPayloads
{
    private readonly Dictionary<(string Module, string Function), List<WitType>> _types = [];

    public ChannelPayloads(WitWorld world)
    {
        var bindings = CoreWorldBindings.For(world);
        foreach (var import in bindings.Imports)
        {
            Add(import.CoreName.Module, import.Function);
        }

        foreach (var export in bindings.Exports)
        {
            Add(CoreNames.ExportedResourceModule(export.InterfaceItemName), export.Function);
        }
    }

    /// <summary>The stream or future type number <paramref name="index"/> of <paramref name="function"/> in <paramref name="module"/>, or null.</summary>
    public WitType? Find(string module, string function, int index) =>
        _types.TryGetValue((module, function), out var types) && index < types.Count ? types[index] : null;

    private void Add(string module, WitFunction function)
    {
        var types = new List<WitType>();
        foreach (var parameter in function.Parameters)
        {
            Collect(parameter.Type, types);
        }

        if (function.Result is { } result)
        {
            Collect(result, types);
        }

        if (types.Count > 0)
        {
            _types[(module, function.Name)] = types;
        }
    }

    private static void Collect(WitType type, List<WitType> types)
    {
        switch (type.Unaliased)
        {
            case WitStreamType stream:
                if (stream.Payload is { } streamPayload)
                {
                    Collect(streamPayload, types);
                }

                types.Add(stream);
                break;
            case WitFutureType future:
                if (future.Payload is { } futurePayload)
                {
                    Collect(futurePayload, types);
                }

                types.Add(future);
                break;
            case WitRecordType record:
                foreach (var field in record.Fields)
                {
                    Collect(field.Type, types);
                }

                break;
            case WitVariantType variant:
                foreach (var @case in variant.Cases)
                {
                    if (@case.Payload is { } payload)
                    {
                        Collect(payload, types);
                    }
                }

                break;
            case WitTupleType tuple:
                foreach (var element in tuple.Elements)
                {
                    Collect(element, types);
                }

                break;
            case WitListType list:
                Collect(list.Element, types);
                break;
            case WitOptionType option:
                Collect(option.Payload, types);
                break;
            case WitResultType result:
                if (result.Ok is { } ok)
                {
                    Collect(ok, types);
                }

                if (result.Err is { } err)
                {
                    Collect(err, types);
                }

                break;
            case WitMapType map:
                Collect(map.Key, types);
                Collect(map.Value, types);
                break;
        }
    }
}
