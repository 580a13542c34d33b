using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Lowers values to flat core values (the spec's <c>lower_flat</c> and <c>lower_flat_values</c>):
/// the arguments the host passes to a guest export, or what a host import returns to the guest.
/// </summary>
public static class CanonicalLower
{
    /// <summary>The flat core values of <paramref name="value"/> of <paramref name="type"/>; strings and lists are allocated in the guest.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> does not fit <paramref name="type"/>.</exception>
    /// <exception cref="WasmTrapException">The guest's allocator returned a bad block.</exception>
    public static IReadOnlyList<WasmValue> LowerFlat(CanonicalAbiContext context, WitType type, WitValue value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        var flat = new List<WasmValue>();
        Lower(context, type, value, flat);
        return flat;
    }

    /// <summary>
    /// Lowers <paramref name="values"/> of <paramref name="types"/>. When they flatten to more than
    /// <paramref name="maxFlat"/> values they are stored as a tuple instead: at
    /// <paramref name="outPointer"/> when given (a host import's results), else in a fresh
    /// allocation whose pointer is the one flat value returned.
    /// </summary>
    public static IReadOnlyList<WasmValue> LowerValues(CanonicalAbiContext context, IReadOnlyList<WitType> types, IReadOnlyList<WitValue> values, int maxFlat, uint? outPointer = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"{values.Count} values given for {types.Count} types.", nameof(values));
        }

        var flat = new List<WasmValue>();
        if (CanonicalLift.FlatCount(types) > maxFlat)
        {
            var tuple = new WitTupleType(types.ToEquatableArray());
            var layout = CanonicalLayout.Of(tuple);
            var pointer = outPointer ?? context.Allocate(layout.Alignment, layout.Size);
            if (outPointer is null)
            {
                flat.Add(WasmValue.FromUInt32(pointer));
            }

            CanonicalStore.Store(context, tuple, new WitTupleValue([.. values]), pointer);
            return flat;
        }

        for (var i = 0; i < types.Count; i++)
        {
            Lower(context, types[i], values[i], flat);
        }

        return flat;
    }

    private static void Lower(CanonicalAbiContext context, WitType type, WitValue value, List<WasmValue> flat)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                LowerPrimitive(context, primitive, value, flat);
                return;
            case WitListType list:
                var elements = ValueShapes.ListElements(list, value);
                if (list.Length is not null)
                {
                    foreach (var element in elements)
                    {
                        Lower(context, list.Element, element, flat);
                    }

                    return;
                }

                var (pointer, length) = CanonicalStore.StoreListIntoRange(context, list.Element, elements);
                flat.Add(WasmValue.FromUInt32(pointer));
                flat.Add(WasmValue.FromUInt32(length));
                return;
            case WitMapType map:
                Lower(context, new WitListType(Despecialized.MapEntry(map)), value, flat);
                return;
            case WitFlagsType flags:
                foreach (var word in ValueShapes.FlagWords(flags, value))
                {
                    flat.Add(WasmValue.FromUInt32(word));
                }

                return;
            case WitHandleType or WitResourceType or WitFutureType or WitStreamType or WitErrorContextType:
                flat.Add(WasmValue.FromUInt32(ValueShapes.Expect<WitHandleValue>(type, value).Handle));
                return;
        }

        if (Despecialized.Fields(type) is { } fields)
        {
            var values = ValueShapes.FieldValues(type, value);
            for (var i = 0; i < fields.Count; i++)
            {
                Lower(context, fields[i], values[i], flat);
            }

            return;
        }

        var cases = Despecialized.Cases(type) ?? throw new ArgumentException($"The Canonical ABI cannot lower {type}.", nameof(type));
        var (index, payload) = ValueShapes.MatchCase(type, value);
        var slots = CanonicalLayout.Flatten(type);
        flat.Add(WasmValue.FromUInt32((uint)index));
        var payloadStart = flat.Count;
        if (cases[index] is { } payloadType)
        {
            Lower(context, payloadType, payload!, flat);
        }

        // Widen each payload value to its joined slot type, then zero-fill the slots this case leaves unused.
        for (var slot = 1; slot < slots.Count; slot++)
        {
            var want = CoreFunctionTypes.ToKind(slots[slot].Kind);
            var position = payloadStart + slot - 1;
            if (position < flat.Count)
            {
                var have = flat[position];
                flat[position] = WasmValue.FromBits(want, CanonicalRules.WidenToSlot(have.Kind, have.Bits));
            }
            else
            {
                flat.Add(WasmValue.FromBits(want, 0));
            }
        }
    }

    private static void LowerPrimitive(CanonicalAbiContext context, WitPrimitiveType type, WitValue value, List<WasmValue> flat)
    {
        switch (type.Kind)
        {
            case WitPrimitiveKind.Bool:
                flat.Add(WasmValue.FromUInt32(CanonicalRules.LowerBool(ValueShapes.Expect<WitBoolValue>(type, value).Value)));
                break;
            case WitPrimitiveKind.S64:
            case WitPrimitiveKind.U64:
                flat.Add(WasmValue.FromUInt64(ValueShapes.IntegerBits(type.Kind, value)));
                break;
            case WitPrimitiveKind.F32:
                flat.Add(WasmValue.FromBits(WasmValueKind.F32, BitConverter.SingleToUInt32Bits(CanonicalRules.CanonicalizeNaN(ValueShapes.Expect<WitFloat32Value>(type, value).Value))));
                break;
            case WitPrimitiveKind.F64:
                flat.Add(WasmValue.FromBits(WasmValueKind.F64, BitConverter.DoubleToUInt64Bits(CanonicalRules.CanonicalizeNaN(ValueShapes.Expect<WitFloat64Value>(type, value).Value))));
                break;
            case WitPrimitiveKind.Char:
                flat.Add(WasmValue.FromUInt32((uint)ValueShapes.Expect<WitCharValue>(type, value).Value.Value));
                break;
            case WitPrimitiveKind.String:
                var (pointer, taggedCodeUnits) = CanonicalStrings.Store(context, ValueShapes.Expect<WitStringValue>(type, value).Value);
                flat.Add(WasmValue.FromUInt32(pointer));
                flat.Add(WasmValue.FromUInt32(taggedCodeUnits));
                break;
            default:
                flat.Add(WasmValue.FromUInt32(CanonicalRules.LowerToI32(type.Kind, ValueShapes.IntegerBits(type.Kind, value))));
                break;
        }
    }
}
