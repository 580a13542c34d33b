using System.Collections.Immutable;
using System.Text;
using WitHost.Wamr.Values;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Seeded random dynamic values of a given WIT type (the round-trip and collections worlds' types: records,
/// variants, enums, flags, options, results, tuples, lists, fixed-length lists, maps, strings, scalars). Strings mix ASCII,
/// quotes, controls, BMP and astral characters so every encoding path and length is exercised.
/// </summary>
internal sealed class RandomWitValueSource
{
    private static readonly int[] s_specialRunes = ['a', 'Z', ' ', '"', '\\', '\n', 0, 0x7f, 0xe9, 0x85, 0x2028, 0xFEFF, 0xFFFD, 0x1F30D, 0x10FFFF];

    private readonly Random _random;

    public RandomWitValueSource(int seed) => _random = new Random(seed);

    public WitValue Value(WitType type, int depth = 0)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                return Primitive(primitive.Kind);
            case WitListType { Length: { } fixedLength } fixedList:
                return new WitListValue(Enumerable.Range(0, (int)fixedLength).Select(_ => Value(fixedList.Element, depth + 1)).ToImmutableArray());
            case WitMapType map:
                return Map(map, depth);
            case WitListType list:
                // Shorter lists further down keep nested lists small.
                var length = _random.Next(depth < 2 ? 5 : 2);
                return new WitListValue(Enumerable.Range(0, length).Select(_ => Value(list.Element, depth + 1)).ToImmutableArray());
            case WitOptionType option:
                return _random.Next(3) == 0 ? WitOptionValue.None : new WitOptionValue(Value(option.Payload, depth + 1));
            case WitResultType result:
                var isOk = _random.Next(2) == 0;
                var payload = isOk ? result.Ok : result.Err;
                return new WitResultValue(isOk, payload is null ? null : Value(payload, depth + 1));
            case WitTupleType tuple:
                return new WitTupleValue(tuple.Elements.Select(element => Value(element, depth + 1)).ToImmutableArray());
            case WitRecordType record:
                return new WitRecordValue(record.Fields.Select(field => new WitFieldValue(field.Name, Value(field.Type, depth + 1))).ToImmutableArray());
            case WitVariantType variant:
                var @case = variant.Cases[_random.Next(variant.Cases.Count)];
                return new WitVariantValue(@case.Name, @case.Payload is null ? null : Value(@case.Payload, depth + 1));
            case WitEnumType @enum:
                return new WitEnumValue(@enum.Cases[_random.Next(@enum.Cases.Count)].Name);
            case WitFlagsType flags:
                return new WitFlagsValue(flags.Flags.Where(_ => _random.Next(2) == 0).Select(flag => flag.Name).ToImmutableArray());
            default:
                throw new NotSupportedException("No random values for " + type);
        }
    }

    // A map's entries with distinct keys: a C# dictionary keeps one value per key, so a repeated
    // key would make the typed value differ from the dynamic one (what a repeated key from a guest
    // does is tested on its own).
    private WitListValue Map(WitMapType map, int depth)
    {
        var keys = new HashSet<WitValue>();
        var entries = ImmutableArray.CreateBuilder<WitValue>();
        for (var count = _random.Next(depth < 2 ? 5 : 2); count > 0; count--)
        {
            var key = Value(map.Key, depth + 1);
            if (keys.Add(key))
            {
                entries.Add(new WitTupleValue([key, Value(map.Value, depth + 1)]));
            }
        }

        return new WitListValue(entries.ToImmutable());
    }

    private WitValue Primitive(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool => new WitBoolValue(_random.Next(2) == 0),
        WitPrimitiveKind.U8 => new WitIntegerValue(_random.Next(256)),
        WitPrimitiveKind.S8 => new WitIntegerValue(_random.Next(-128, 128)),
        WitPrimitiveKind.U16 => new WitIntegerValue(_random.Next(65536)),
        WitPrimitiveKind.S16 => new WitIntegerValue(_random.Next(-32768, 32768)),
        WitPrimitiveKind.U32 => new WitIntegerValue((uint)_random.NextInt64(0, 1L << 32)),
        WitPrimitiveKind.S32 => new WitIntegerValue(_random.Next(int.MinValue, int.MaxValue)),
        WitPrimitiveKind.U64 => new WitIntegerValue((ulong)_random.NextInt64() << 1 ^ (ulong)_random.Next(2)),
        WitPrimitiveKind.S64 => new WitIntegerValue(_random.NextInt64(long.MinValue, long.MaxValue)),
        // Finite values: NaN payloads are left to the spec-vector tests, which pin canonicalisation.
        WitPrimitiveKind.F32 => new WitFloat32Value((float)((_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-10, 10)))),
        WitPrimitiveKind.F64 => new WitFloat64Value((_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-300, 300))),
        WitPrimitiveKind.Char => new WitCharValue(NextRune()),
        WitPrimitiveKind.String => new WitStringValue(NextString()),
        _ => throw new NotSupportedException("No random values for " + kind),
    };

    private string NextString()
    {
        var builder = new StringBuilder();
        for (var count = _random.Next(12); count > 0; count--)
        {
            builder.Append(NextRune().ToString());
        }

        return builder.ToString();
    }

    private Rune NextRune()
    {
        if (_random.Next(2) == 0)
        {
            return new Rune(s_specialRunes[_random.Next(s_specialRunes.Length)]);
        }

        while (true)
        {
            var candidate = _random.Next(0x110000);
            if (Rune.IsValid(candidate))
            {
                return new Rune(candidate);
            }
        }
    }
}
