using System.Collections.Immutable;
using System.Text;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Reads values out of guest memory (the spec's <c>load</c>), validating everything the spec
/// validates: bounds, alignment, string encodings and lengths, char ranges, discriminants.
/// </summary>
public static class CanonicalLoad
{
    /// <summary>
    /// What a lifted list element costs the host at least here, for the lift budget: every dynamic
    /// value is an object (a header, a method table pointer and its fields), 32 bytes or more.
    /// </summary>
    internal const uint DynamicValueBytes = 32;

    /// <summary>Loads a value of <paramref name="type"/> from <paramref name="pointer"/>.</summary>
    /// <exception cref="WasmTrapException">The memory does not hold a valid value of that type there.</exception>
    public static WitValue Load(CanonicalAbiContext context, WitType type, uint pointer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(type);
        var layout = CanonicalLayout.Of(type);
        context.CheckRange(pointer, layout.Size, layout.Alignment, "the value to load");
        return LoadAt(context, type, pointer);
    }

    /// <summary>
    /// Loads <paramref name="length"/> elements of <paramref name="elementType"/> from
    /// <paramref name="pointer"/> after the spec's length, alignment and bounds checks (<c>load_list_from_range</c>).
    /// </summary>
    public static WitListValue LoadListFromRange(CanonicalAbiContext context, WitType elementType, uint pointer, uint length)
    {
        ArgumentNullException.ThrowIfNull(context);
        var element = CanonicalLayout.Of(elementType);
        context.CheckListForLift(pointer, length, element.Size, element.Alignment, DynamicValueBytes);
        return LoadElements(context, elementType, element.Size, pointer, length);
    }

    internal static WitValue LoadAt(CanonicalAbiContext context, WitType type, uint pointer)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                return LoadPrimitive(context, primitive, pointer);
            case WitListType { Length: { } length } fixedList:
                return LoadElements(context, fixedList.Element, CanonicalLayout.Size(fixedList.Element), pointer, length);
            case WitListType list:
                return LoadListFromRange(context, list.Element, (uint)context.ReadUnsigned(pointer, 4), (uint)context.ReadUnsigned(pointer + 4, 4));
            case WitMapType map:
                return LoadAt(context, new WitListType(Despecialized.MapEntry(map)), pointer);
            case WitFlagsType flags:
                var count = flags.Flags.Count;
                var words = new uint[CanonicalRules.FlagWordCount(count)];
                if (count <= 32)
                {
                    words[0] = (uint)context.ReadUnsigned(pointer, CanonicalLayout.FlagsSize(count));
                }
                else
                {
                    for (var i = 0; i < words.Length; i++)
                    {
                        words[i] = (uint)context.ReadUnsigned(pointer + (4 * (uint)i), 4);
                    }
                }

                return ValueShapes.MakeFlags(flags, words);
            case WitHandleType or WitResourceType or WitFutureType or WitStreamType or WitErrorContextType:
                return new WitHandleValue((uint)context.ReadUnsigned(pointer, 4));
        }

        if (Despecialized.Fields(type) is { } fields)
        {
            var offsets = CanonicalLayout.FieldOffsets(fields);
            var values = new WitValue[fields.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = LoadAt(context, fields[i], pointer + offsets[i]);
            }

            return ValueShapes.MakeRecord(type, values);
        }

        var cases = Despecialized.Cases(type) ?? throw new ArgumentException($"The Canonical ABI cannot load {type}.", nameof(type));
        var discriminant = context.ReadUnsigned(pointer, CanonicalLayout.DiscriminantSize(cases.Count));
        if (CanonicalRules.DiscriminantError(discriminant, cases.Count) is { } error)
        {
            throw context.Trap(error);
        }

        var payloadType = cases[(int)discriminant];
        var payload = payloadType is null ? null : LoadAt(context, payloadType, pointer + CanonicalLayout.PayloadOffset(cases));
        return ValueShapes.MakeCase(type, (int)discriminant, payload);
    }

    /// <summary>The char for a code point read from the guest; surrogates and values above U+10FFFF trap.</summary>
    internal static WitCharValue Char(CanonicalAbiContext context, ulong codePoint)
    {
        if (CanonicalRules.CharError(codePoint) is { } error)
        {
            throw context.Trap(error);
        }

        return new WitCharValue(new Rune((int)codePoint));
    }

    private static WitListValue LoadElements(CanonicalAbiContext context, WitType elementType, uint elementSize, uint pointer, uint length)
    {
        var elements = ImmutableArray.CreateBuilder<WitValue>((int)length);
        for (uint i = 0; i < length; i++)
        {
            elements.Add(LoadAt(context, elementType, pointer + (i * elementSize)));
        }

        return new WitListValue(elements.MoveToImmutable());
    }

    private static WitValue LoadPrimitive(CanonicalAbiContext context, WitPrimitiveType type, uint pointer)
    {
        switch (type.Kind)
        {
            case WitPrimitiveKind.Bool:
                return new WitBoolValue(CanonicalRules.LiftBool(context.ReadUnsigned(pointer, 1)));
            case WitPrimitiveKind.F32:
                return new WitFloat32Value(CanonicalRules.CanonicalizeNaN(BitConverter.UInt32BitsToSingle((uint)context.ReadUnsigned(pointer, 4))));
            case WitPrimitiveKind.F64:
                return new WitFloat64Value(CanonicalRules.CanonicalizeNaN(BitConverter.UInt64BitsToDouble(context.ReadUnsigned(pointer, 8))));
            case WitPrimitiveKind.Char:
                return Char(context, context.ReadUnsigned(pointer, 4));
            case WitPrimitiveKind.String:
                var begin = (uint)context.ReadUnsigned(pointer, 4);
                var taggedCodeUnits = (uint)context.ReadUnsigned(pointer + 4, 4);
                return new WitStringValue(CanonicalStrings.Load(context, begin, taggedCodeUnits));
            default:
                return ValueShapes.IntegerFromBits(type.Kind, context.ReadUnsigned(pointer, CanonicalLayout.Size(type)));
        }
    }
}
