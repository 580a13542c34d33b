using System.Collections.Immutable;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Lifts values from flat core values (the spec's <c>lift_flat</c> and <c>lift_flat_values</c>):
/// what a guest export returns, or the arguments a guest passes to a host import.
/// </summary>
public static class CanonicalLift
{
    /// <summary>Lifts one value of <paramref name="type"/> from exactly the core values <paramref name="flat"/>.</summary>
    /// <exception cref="WasmTrapException">The values (or the memory they point at) are not a valid value of the type.</exception>
    /// <exception cref="ArgumentException"><paramref name="flat"/> does not match the type's flat core types.</exception>
    public static WitValue LiftFlat(CanonicalAbiContext context, WitType type, IReadOnlyList<WasmValue> flat)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(flat);
        var reader = new FlatValueReader(flat);
        var value = Lift(context, type, reader);
        if (!reader.IsDone)
        {
            throw new ArgumentException($"Too many core values: {type} uses {reader.Position}, {flat.Count} were given.", nameof(flat));
        }

        return value;
    }

    /// <summary>
    /// Lifts values of <paramref name="types"/> (a function's parameters or results) from
    /// <paramref name="flat"/>; when they flatten to more than <paramref name="maxFlat"/> values,
    /// <paramref name="flat"/> is one pointer to them stored as a tuple (checked for alignment and bounds).
    /// </summary>
    public static ImmutableArray<WitValue> LiftValues(CanonicalAbiContext context, IReadOnlyList<WitType> types, IReadOnlyList<WasmValue> flat, int maxFlat)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(flat);
        var reader = new FlatValueReader(flat);
        ImmutableArray<WitValue> values;
        if (FlatCount(types) > maxFlat)
        {
            var pointer = (uint)reader.Next(CoreValueKind.I32);
            var tuple = new WitTupleType(types.ToEquatableArray());
            values = ((WitTupleValue)CanonicalLoad.Load(context, tuple, pointer)).Elements;
        }
        else
        {
            var builder = ImmutableArray.CreateBuilder<WitValue>(types.Count);
            foreach (var type in types)
            {
                builder.Add(Lift(context, type, reader));
            }

            values = builder.MoveToImmutable();
        }

        if (!reader.IsDone)
        {
            throw new ArgumentException($"Too many core values: {reader.Position} used, {flat.Count} given.", nameof(flat));
        }

        return values;
    }

    internal static int FlatCount(IReadOnlyList<WitType> types)
    {
        var count = 0;
        foreach (var type in types)
        {
            count += CanonicalLayout.Flatten(type).Count;
        }

        return count;
    }

    private static WitValue Lift(CanonicalAbiContext context, WitType type, FlatValueSource source)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                return LiftPrimitive(context, primitive.Kind, source);
            case WitListType { Length: { } length } fixedList:
                var elements = ImmutableArray.CreateBuilder<WitValue>((int)length);
                for (uint i = 0; i < length; i++)
                {
                    elements.Add(Lift(context, fixedList.Element, source));
                }

                return new WitListValue(elements.MoveToImmutable());
            case WitListType list:
                var pointer = (uint)source.Next(CoreValueKind.I32);
                return CanonicalLoad.LoadListFromRange(context, list.Element, pointer, (uint)source.Next(CoreValueKind.I32));
            case WitMapType map:
                return Lift(context, new WitListType(Despecialized.MapEntry(map)), source);
            case WitFlagsType flags:
                var words = new uint[CanonicalRules.FlagWordCount(flags.Flags.Count)];
                for (var i = 0; i < words.Length; i++)
                {
                    words[i] = (uint)source.Next(CoreValueKind.I32);
                }

                return ValueShapes.MakeFlags(flags, words);
            case WitHandleType or WitResourceType or WitFutureType or WitStreamType or WitErrorContextType:
                return new WitHandleValue((uint)source.Next(CoreValueKind.I32));
        }

        if (Despecialized.Fields(type) is { } fields)
        {
            var values = new WitValue[fields.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Lift(context, fields[i], source);
            }

            return ValueShapes.MakeRecord(type, values);
        }

        var cases = Despecialized.Cases(type) ?? throw new ArgumentException($"The Canonical ABI cannot lift {type}.", nameof(type));
        var discriminant = (uint)source.Next(CoreValueKind.I32);
        if (CanonicalRules.DiscriminantError(discriminant, cases.Count) is { } error)
        {
            throw context.Trap(error);
        }

        var slots = CanonicalLayout.Flatten(type);
        var payloadSource = new VariantPayloadSource(source, slots.AsImmutableArray().RemoveAt(0));
        var payloadType = cases[(int)discriminant];
        var payload = payloadType is null ? null : Lift(context, payloadType, payloadSource);
        payloadSource.SkipRest();
        return ValueShapes.MakeCase(type, (int)discriminant, payload);
    }

    private static WitValue LiftPrimitive(CanonicalAbiContext context, WitPrimitiveKind kind, FlatValueSource source)
    {
        switch (kind)
        {
            case WitPrimitiveKind.Bool:
                return new WitBoolValue(CanonicalRules.LiftBool(source.Next(CoreValueKind.I32)));
            case WitPrimitiveKind.S64:
            case WitPrimitiveKind.U64:
                return ValueShapes.IntegerFromBits(kind, source.Next(CoreValueKind.I64));
            case WitPrimitiveKind.F32:
                return new WitFloat32Value(CanonicalRules.CanonicalizeNaN(BitConverter.UInt32BitsToSingle((uint)source.Next(CoreValueKind.F32))));
            case WitPrimitiveKind.F64:
                return new WitFloat64Value(CanonicalRules.CanonicalizeNaN(BitConverter.UInt64BitsToDouble(source.Next(CoreValueKind.F64))));
            case WitPrimitiveKind.Char:
                return CanonicalLoad.Char(context, (uint)source.Next(CoreValueKind.I32));
            case WitPrimitiveKind.String:
                var pointer = (uint)source.Next(CoreValueKind.I32);
                return new WitStringValue(CanonicalStrings.Load(context, pointer, (uint)source.Next(CoreValueKind.I32)));
            default:
                // Narrow integers arrive in an i32 and are truncated to their width, as lift_flat does.
                return ValueShapes.IntegerFromBits(kind, (uint)source.Next(CoreValueKind.I32));
        }
    }
}
