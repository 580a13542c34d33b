using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Writes values into guest memory in their Canonical ABI layout (the spec's <c>store</c>),
/// allocating strings and lists through <c>cabi_realloc</c> in the order the spec fixes.
/// </summary>
public static class CanonicalStore
{
    /// <summary>Stores <paramref name="value"/> of <paramref name="type"/> at <paramref name="pointer"/>.</summary>
    /// <exception cref="WasmTrapException"><paramref name="pointer"/> is misaligned or the value does not fit in memory there, or the guest's allocator misbehaved.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> does not fit <paramref name="type"/>.</exception>
    public static void Store(CanonicalAbiContext context, WitType type, WitValue value, uint pointer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        var layout = CanonicalLayout.Of(type);
        context.CheckRange(pointer, layout.Size, layout.Alignment, "the place to store");
        StoreAt(context, type, value, pointer);
    }

    /// <summary>
    /// Copies the elements of a variable-length list into a fresh allocation and returns its
    /// pointer and length (<c>store_list_into_range</c>).
    /// </summary>
    public static (uint Pointer, uint Length) StoreListIntoRange(CanonicalAbiContext context, WitType elementType, IReadOnlyList<WitValue> elements)
    {
        ArgumentNullException.ThrowIfNull(context);
        var element = CanonicalLayout.Of(elementType);
        var pointer = context.Allocate(element.Alignment, CanonicalRules.LoweredListByteLength(elements.Count, element.Size));
        for (var i = 0; i < elements.Count; i++)
        {
            StoreAt(context, elementType, elements[i], pointer + ((uint)i * element.Size));
        }

        return (pointer, (uint)elements.Count);
    }

    internal static void StoreAt(CanonicalAbiContext context, WitType type, WitValue value, uint pointer)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                StorePrimitive(context, primitive, value, pointer);
                return;
            case WitListType list:
                var elements = ValueShapes.ListElements(list, value);
                if (list.Length is not null)
                {
                    var size = CanonicalLayout.Size(list.Element);
                    for (var i = 0; i < elements.Length; i++)
                    {
                        StoreAt(context, list.Element, elements[i], pointer + ((uint)i * size));
                    }

                    return;
                }

                var (begin, length) = StoreListIntoRange(context, list.Element, elements);
                context.WriteUnsigned(pointer, 4, begin);
                context.WriteUnsigned(pointer + 4, 4, length);
                return;
            case WitMapType map:
                StoreAt(context, new WitListType(Despecialized.MapEntry(map)), value, pointer);
                return;
            case WitFlagsType flags:
                var words = ValueShapes.FlagWords(flags, value);
                if (flags.Flags.Count <= 32)
                {
                    context.WriteUnsigned(pointer, CanonicalLayout.FlagsSize(flags.Flags.Count), words[0]);
                    return;
                }

                for (var i = 0; i < words.Length; i++)
                {
                    context.WriteUnsigned(pointer + (4 * (uint)i), 4, words[i]);
                }

                return;
            case WitHandleType or WitResourceType or WitFutureType or WitStreamType or WitErrorContextType:
                context.WriteUnsigned(pointer, 4, ValueShapes.Expect<WitHandleValue>(type, value).Handle);
                return;
        }

        if (Despecialized.Fields(type) is { } fields)
        {
            var values = ValueShapes.FieldValues(type, value);
            var offsets = CanonicalLayout.FieldOffsets(fields);
            for (var i = 0; i < fields.Count; i++)
            {
                StoreAt(context, fields[i], values[i], pointer + offsets[i]);
            }

            return;
        }

        var cases = Despecialized.Cases(type) ?? throw new ArgumentException($"The Canonical ABI cannot store {type}.", nameof(type));
        var (index, payload) = ValueShapes.MatchCase(type, value);
        context.WriteUnsigned(pointer, CanonicalLayout.DiscriminantSize(cases.Count), (uint)index);
        if (cases[index] is { } payloadType)
        {
            StoreAt(context, payloadType, payload!, pointer + CanonicalLayout.PayloadOffset(cases));
        }
    }

    private static void StorePrimitive(CanonicalAbiContext context, WitPrimitiveType type, WitValue value, uint pointer)
    {
        switch (type.Kind)
        {
            case WitPrimitiveKind.Bool:
                context.WriteUnsigned(pointer, 1, CanonicalRules.LowerBool(ValueShapes.Expect<WitBoolValue>(type, value).Value));
                break;
            case WitPrimitiveKind.F32:
                context.WriteUnsigned(pointer, 4, BitConverter.SingleToUInt32Bits(CanonicalRules.CanonicalizeNaN(ValueShapes.Expect<WitFloat32Value>(type, value).Value)));
                break;
            case WitPrimitiveKind.F64:
                context.WriteUnsigned(pointer, 8, BitConverter.DoubleToUInt64Bits(CanonicalRules.CanonicalizeNaN(ValueShapes.Expect<WitFloat64Value>(type, value).Value)));
                break;
            case WitPrimitiveKind.Char:
                context.WriteUnsigned(pointer, 4, (uint)ValueShapes.Expect<WitCharValue>(type, value).Value.Value);
                break;
            case WitPrimitiveKind.String:
                var (begin, taggedCodeUnits) = CanonicalStrings.Store(context, ValueShapes.Expect<WitStringValue>(type, value).Value);
                context.WriteUnsigned(pointer, 4, begin);
                context.WriteUnsigned(pointer + 4, 4, taggedCodeUnits);
                break;
            default:
                context.WriteUnsigned(pointer, CanonicalLayout.Size(type), ValueShapes.IntegerBits(type.Kind, value));
                break;
        }
    }
}
