using System.Collections.Immutable;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Takes dynamic values apart and puts them together along the Canonical ABI's despecialized
/// shapes (records and variants), so store/load/lower/lift each handle one record and one
/// variant path. A value that does not fit its type is a host error (<see cref="ArgumentException"/>),
/// not a trap: traps are for bad data coming from the guest.
/// </summary>
internal static class ValueShapes
{
    public static IReadOnlyList<WitValue> FieldValues(WitType type, WitValue value)
    {
        switch (type.Unaliased, value)
        {
            case (WitRecordType record, WitRecordValue recordValue):
                if (recordValue.Fields.Length != record.Fields.Count)
                {
                    throw Mismatch(type, value);
                }

                var values = new WitValue[record.Fields.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    if (recordValue.Fields[i].Name != record.Fields[i].Name)
                    {
                        throw Mismatch(type, value);
                    }

                    values[i] = recordValue.Fields[i].Value;
                }

                return values;
            case (WitTupleType tuple, WitTupleValue tupleValue) when tuple.Elements.Count == tupleValue.Elements.Length:
                return tupleValue.Elements;
            default:
                throw Mismatch(type, value);
        }
    }

    public static WitValue MakeRecord(WitType type, WitValue[] values)
    {
        if (type.Unaliased is WitRecordType record)
        {
            var fields = ImmutableArray.CreateBuilder<WitFieldValue>(values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                fields.Add(new WitFieldValue(record.Fields[i].Name, values[i]));
            }

            return new WitRecordValue(fields.MoveToImmutable());
        }

        return new WitTupleValue(ImmutableArray.Create(values));
    }

    public static (int Index, WitValue? Payload) MatchCase(WitType type, WitValue value)
    {
        var cases = Despecialized.Cases(type)!;
        (int Index, WitValue? Payload) match = (type.Unaliased, value) switch
        {
            (WitVariantType variant, WitVariantValue variantValue) => (LabelLookup.IndexOf(variant.Cases, c => c.Name == variantValue.Case), variantValue.Payload),
            (WitEnumType @enum, WitEnumValue enumValue) => (LabelLookup.IndexOf(@enum.Cases, c => c.Name == enumValue.Case), null),
            (WitOptionType, WitOptionValue option) => (option.Value is null ? 0 : 1, option.Value),
            (WitResultType, WitResultValue result) => (result.IsOk ? 0 : 1, result.Payload),
            _ => (-1, null),
        };
        if (match.Index < 0 || (cases[match.Index] is null) != (match.Payload is null))
        {
            throw Mismatch(type, value);
        }

        return match;
    }

    public static WitValue MakeCase(WitType type, int index, WitValue? payload) => type.Unaliased switch
    {
        WitVariantType variant => new WitVariantValue(variant.Cases[index].Name, payload),
        WitEnumType @enum => new WitEnumValue(@enum.Cases[index].Name),
        WitOptionType => index == 0 ? WitOptionValue.None : new WitOptionValue(payload),
        _ => new WitResultValue(index == 0, payload),
    };

    /// <summary>The flags as 32-bit words, flag <c>i</c> in bit <c>i % 32</c> of word <c>i / 32</c>.</summary>
    public static uint[] FlagWords(WitFlagsType flags, WitValue value)
    {
        if (value is not WitFlagsValue flagsValue)
        {
            throw Mismatch(flags, value);
        }

        var words = new uint[CanonicalRules.FlagWordCount(flags.Flags.Count)];
        foreach (var name in flagsValue.Set)
        {
            var index = LabelLookup.IndexOf(flags.Flags, f => f.Name == name);
            if (index < 0)
            {
                throw Mismatch(flags, value);
            }

            words[index / 32] |= 1u << (index % 32);
        }

        return words;
    }

    /// <summary>The flags value of these words; bits beyond the last flag are ignored, as the spec says.</summary>
    public static WitFlagsValue MakeFlags(WitFlagsType flags, ReadOnlySpan<uint> words)
    {
        var set = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < flags.Flags.Count; i++)
        {
            if ((words[i / 32] & (1u << (i % 32))) != 0)
            {
                set.Add(flags.Flags[i].Name);
            }
        }

        return new WitFlagsValue(set.ToImmutable());
    }

    public static ImmutableArray<WitValue> ListElements(WitListType list, WitValue value)
    {
        if (value is not WitListValue listValue || (list.Length is { } length && listValue.Elements.Length != length))
        {
            throw Mismatch(list, value);
        }

        return listValue.Elements;
    }

    /// <summary>The integer's bits for a primitive of <paramref name="kind"/>, after a range check.</summary>
    public static ulong IntegerBits(WitPrimitiveKind kind, WitValue value)
    {
        if (value is not WitIntegerValue integer)
        {
            throw new ArgumentException($"Expected an integer for {kind.ToString().ToLowerInvariant()}, got {value}.", nameof(value));
        }

        var (min, max) = IntegerRange(kind);
        if (integer.Value < min || integer.Value > max)
        {
            throw new ArgumentException($"{integer.Value} is out of range for {kind.ToString().ToLowerInvariant()}.", nameof(value));
        }

        return (ulong)(integer.Value & ulong.MaxValue);
    }

    public static (Int128 Min, Int128 Max) IntegerRange(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.S8 => (sbyte.MinValue, sbyte.MaxValue),
        WitPrimitiveKind.U8 => (byte.MinValue, byte.MaxValue),
        WitPrimitiveKind.S16 => (short.MinValue, short.MaxValue),
        WitPrimitiveKind.U16 => (ushort.MinValue, ushort.MaxValue),
        WitPrimitiveKind.S32 => (int.MinValue, int.MaxValue),
        WitPrimitiveKind.U32 => (uint.MinValue, uint.MaxValue),
        WitPrimitiveKind.S64 => (long.MinValue, long.MaxValue),
        _ => (ulong.MinValue, ulong.MaxValue),
    };

    /// <summary>The integer a primitive of <paramref name="kind"/> means by these low bits (sign-extending signed kinds).</summary>
    public static WitIntegerValue IntegerFromBits(WitPrimitiveKind kind, ulong bits) => new(kind switch
    {
        WitPrimitiveKind.S8 => (sbyte)bits,
        WitPrimitiveKind.U8 => (byte)bits,
        WitPrimitiveKind.S16 => (short)bits,
        WitPrimitiveKind.U16 => (ushort)bits,
        WitPrimitiveKind.S32 => (int)bits,
        WitPrimitiveKind.U32 => (uint)bits,
        WitPrimitiveKind.S64 => (long)bits,
        _ => (Int128)bits,
    });

    public static T Expect<T>(WitType type, WitValue value)
        where T : WitValue
        => value as T ?? throw Mismatch(type, value);

    public static ArgumentException Mismatch(WitType type, WitValue value)
        => new($"The value {value} does not fit the type {type}.", nameof(value));
}
