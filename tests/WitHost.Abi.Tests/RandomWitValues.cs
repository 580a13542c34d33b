using System.Collections.Immutable;
using System.Text;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>Seeded random WIT types and values of those types, for round-trip tests.</summary>
internal sealed class RandomWitValues
{
    private static readonly WitOwner Owner = new(WitOwnerKind.Interface, new WitPackageName("test", "random", null), "types", null);
    private static readonly string[] Words = ["a", "b", "x", "ok", "err", "none", "some", "inf", "nan", "true", "HTTP3", "method-GET", "two-words", "q1"];

    private readonly Random _random;
    private int _names;

    public RandomWitValues(int seed) => _random = new Random(seed);

    public WitType Type(int depth = 3)
    {
        var choice = _random.Next(depth <= 0 ? 13 : 23);
        switch (choice)
        {
            case < 13:
                return new WitPrimitiveType((WitPrimitiveKind)choice);
            case 13:
                return new WitListType(Type(depth - 1));
            case 14:
                return new WitListType(Type(depth - 1), (uint)_random.Next(1, 4));
            case 15:
                return new WitOptionType(Type(depth - 1));
            case 16:
                return new WitResultType(_random.Next(3) == 0 ? null : Type(depth - 1), _random.Next(3) == 0 ? null : Type(depth - 1));
            case 17:
                return new WitTupleType(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Type(depth - 1)).ToEquatableArray());
            case 18:
                var fieldNames = Labels(_random.Next(1, 5));
                return new WitRecordType(Name("r"), Owner, null, WitStability.Unknown, fieldNames.Select(n => new WitField(n, Type(depth - 1), null)).ToEquatableArray());
            case 19:
                var caseNames = Labels(_random.Next(1, 5));
                return new WitVariantType(Name("v"), Owner, null, WitStability.Unknown, caseNames.Select(n => new WitVariantCase(n, _random.Next(3) == 0 ? null : Type(depth - 1), null)).ToEquatableArray());
            case 20:
                return new WitEnumType(Name("e"), Owner, null, WitStability.Unknown, Labels(_random.Next(1, 5)).Select(n => new WitEnumCase(n, null)).ToEquatableArray());
            case 21:
                var count = _random.Next(4) == 0 ? _random.Next(33, 70) : _random.Next(1, 10);
                return new WitFlagsType(Name("g"), Owner, null, WitStability.Unknown, Enumerable.Range(0, count).Select(i => new WitEnumCase("f" + i, null)).ToEquatableArray());
            default:
                return new WitAliasType(Name("t"), Owner, null, WitStability.Unknown, Type(depth - 1), isUse: false);
        }
    }

    public WitValue Value(WitType type)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                return Primitive(primitive.Kind);
            case WitListType list:
                var length = list.Length is { } fixedLength ? (int)fixedLength : _random.Next(4);
                return new WitListValue(Enumerable.Range(0, length).Select(_ => Value(list.Element)).ToImmutableArray());
            case WitOptionType option:
                return _random.Next(2) == 0 ? WitOptionValue.None : new WitOptionValue(Value(option.Payload));
            case WitResultType result:
                var isOk = _random.Next(2) == 0;
                var payloadType = isOk ? result.Ok : result.Err;
                return new WitResultValue(isOk, payloadType is null ? null : Value(payloadType));
            case WitTupleType tuple:
                return new WitTupleValue(tuple.Elements.Select(Value).ToImmutableArray());
            case WitRecordType record:
                return new WitRecordValue(record.Fields.Select(f => new WitFieldValue(f.Name, Value(f.Type))).ToImmutableArray());
            case WitVariantType variant:
                var @case = variant.Cases[_random.Next(variant.Cases.Count)];
                return new WitVariantValue(@case.Name, @case.Payload is null ? null : Value(@case.Payload));
            case WitEnumType @enum:
                return new WitEnumValue(@enum.Cases[_random.Next(@enum.Cases.Count)].Name);
            case WitFlagsType flags:
                return new WitFlagsValue(flags.Flags.Where(_ => _random.Next(2) == 0).Select(f => f.Name).ToImmutableArray());
            default:
                throw new NotSupportedException(WitTypeNames.Format(type));
        }
    }

    private WitValue Primitive(WitPrimitiveKind kind)
    {
        switch (kind)
        {
            case WitPrimitiveKind.Bool:
                return new WitBoolValue(_random.Next(2) == 0);
            case WitPrimitiveKind.F32:
                return new WitFloat32Value(Float32());
            case WitPrimitiveKind.F64:
                return new WitFloat64Value(Float64());
            case WitPrimitiveKind.Char:
                return new WitCharValue(Rune());
            case WitPrimitiveKind.String:
                var builder = new StringBuilder();
                for (var i = _random.Next(8); i > 0; i--)
                {
                    builder.Append(Rune().ToString());
                }

                return new WitStringValue(builder.ToString());
            default:
                var (min, max) = ValueShapes.IntegerRange(kind);
                var edge = _random.Next(4);
                Int128 value = edge == 0 ? min : edge == 1 ? max : min + (Int128)(UInt128)(((ulong)_random.NextInt64() << 1) ^ (ulong)_random.NextInt64()) % (max - min + 1);
                return new WitIntegerValue(value);
        }
    }

    private float Float32() => _random.Next(6) switch
    {
        0 => BitConverter.UInt32BitsToSingle(0x7fc00000),
        1 => _random.Next(2) == 0 ? float.PositiveInfinity : float.NegativeInfinity,
        2 => -0f,
        _ => BitConverter.UInt32BitsToSingle((uint)_random.Next() & 0x7f7fffff | (uint)_random.Next(2) << 31) is var f && float.IsFinite(f) ? f : 1.5f,
    };

    private double Float64() => _random.Next(6) switch
    {
        0 => BitConverter.UInt64BitsToDouble(0x7ff8000000000000),
        1 => _random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
        2 => -0d,
        _ => BitConverter.Int64BitsToDouble(_random.NextInt64()) is var d && double.IsFinite(d) ? d : 2.25,
    };

    private Rune Rune()
    {
        // Mostly the awkward ones: quotes, backslash, controls, line breaks, astral, private use.
        int[] specials = ['\'', '"', '\\', '\n', '\r', '\t', 0, 0x7f, 0x85, 0x2028, 0xFEFF, 0xE000, 0xFFFD, 0x1F600, 0x10FFFF, 'a', 'Z', ' ', '{', '%'];
        if (_random.Next(2) == 0)
        {
            return new Rune(specials[_random.Next(specials.Length)]);
        }

        while (true)
        {
            var candidate = _random.Next(0x110000);
            if (System.Text.Rune.IsValid(candidate))
            {
                return new Rune(candidate);
            }
        }
    }

    private string[] Labels(int count) => Words.OrderBy(_ => _random.Next()).Take(count).ToArray();

    private string Name(string prefix) => prefix + ++_names;
}
