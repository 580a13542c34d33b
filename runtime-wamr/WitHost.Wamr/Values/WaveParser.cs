using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Values;

/// <summary>
/// Parses WAVE text (wasm-tools' Web Assembly Value Encoding) into values of a given WIT type.
/// The type is needed: WAVE lets <c>some</c> and <c>ok</c> be written as their bare payload, lets
/// records omit <c>none</c> fields, and spells enums, variants and flags by label.
/// </summary>
/// <remarks>
/// Supported: every form in the WAVE README, including <c>%</c>-escaped labels, <c>//</c> comments,
/// multiline <c>"""</c> strings, <c>nan</c>/<c>inf</c>/<c>-inf</c>, <c>\u{…}</c> escapes, trailing
/// commas, fields in any order and the <c>{:}</c> empty record. Handles (which WAVE does not define
/// yet) are written as their table index.
/// </remarks>
public sealed class WaveParser
{
    // `nan` means the canonical quiet NaN (sign clear), not .NET's double.NaN (sign set).
    private static readonly float CanonicalNaN32 = BitConverter.UInt32BitsToSingle(0x7fc00000);
    private static readonly double CanonicalNaN64 = BitConverter.UInt64BitsToDouble(0x7ff8000000000000);

    private readonly WaveLexer _lexer;

    private WaveParser(string text) => _lexer = new WaveLexer(text);

    /// <summary>Parses the whole of <paramref name="text"/> as one value of <paramref name="type"/>.</summary>
    /// <exception cref="WaveParseException">The text is not a value of that type; the message says where and why.</exception>
    public static WitValue Parse(string text, WitType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(type);
        var parser = new WaveParser(text);
        var value = parser.ParseValue(type);
        parser._lexer.ExpectEnd();
        return value;
    }

    /// <summary>
    /// Parses a parenthesized argument list <c>(a, b, …)</c> for parameters of
    /// <paramref name="parameterTypes"/>; trailing <c>option</c> arguments may be left out (they are <c>none</c>).
    /// </summary>
    public static ImmutableArray<WitValue> ParseArguments(string text, IReadOnlyList<WitType> parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        var parser = new WaveParser(text);
        var arguments = parser.ParseArgumentList(parameterTypes);
        parser._lexer.ExpectEnd();
        return arguments;
    }

    private ImmutableArray<WitValue> ParseArgumentList(IReadOnlyList<WitType> parameterTypes)
    {
        _lexer.Expect('(');
        var arguments = ImmutableArray.CreateBuilder<WitValue>(parameterTypes.Count);
        ParseItems(')', "an argument list", () =>
        {
            if (arguments.Count == parameterTypes.Count)
            {
                throw _lexer.Error($"too many arguments: the function takes {parameterTypes.Count}");
            }

            arguments.Add(ParseValue(parameterTypes[arguments.Count]));
        });

        for (var i = arguments.Count; i < parameterTypes.Count; i++)
        {
            if (parameterTypes[i].Unaliased is not WitOptionType)
            {
                throw _lexer.Error($"missing argument {i + 1} of {parameterTypes.Count}");
            }

            arguments.Add(WitOptionValue.None);
        }

        return arguments.MoveToImmutable();
    }

    private WitValue ParseValue(WitType type)
    {
        _lexer.SkipTrivia();
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                return ParsePrimitive(primitive.Kind);
            case WitListType list:
                return ParseList(list);
            case WitMapType map:
                return ParseList(new WitListType(Wit.Abi.Despecialized.MapEntry(map)));
            case WitTupleType tuple:
                return new WitTupleValue(ParseSequence('(', ')', tuple.Elements.AsImmutableArray(), "tuple"));
            case WitRecordType record:
                return ParseRecord(record);
            case WitFlagsType flags:
                return ParseFlags(flags);
            case WitEnumType @enum:
                return ParseEnum(@enum);
            case WitVariantType variant:
                return ParseVariant(variant);
            case WitOptionType option:
                return ParseOption(option);
            case WitResultType result:
                return ParseResult(result);
            case WitHandleType or WitResourceType or WitFutureType or WitStreamType or WitErrorContextType:
                return new WitHandleValue((uint)ParseInteger(0, uint.MaxValue, "handle"));
            default:
                throw _lexer.Error($"values of type {type} have no WAVE form");
        }
    }

    private WitValue ParsePrimitive(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool => ParseBool(),
        WitPrimitiveKind.S8 => new WitIntegerValue(ParseInteger(sbyte.MinValue, sbyte.MaxValue, "s8")),
        WitPrimitiveKind.U8 => new WitIntegerValue(ParseInteger(byte.MinValue, byte.MaxValue, "u8")),
        WitPrimitiveKind.S16 => new WitIntegerValue(ParseInteger(short.MinValue, short.MaxValue, "s16")),
        WitPrimitiveKind.U16 => new WitIntegerValue(ParseInteger(ushort.MinValue, ushort.MaxValue, "u16")),
        WitPrimitiveKind.S32 => new WitIntegerValue(ParseInteger(int.MinValue, int.MaxValue, "s32")),
        WitPrimitiveKind.U32 => new WitIntegerValue(ParseInteger(uint.MinValue, uint.MaxValue, "u32")),
        WitPrimitiveKind.S64 => new WitIntegerValue(ParseInteger(long.MinValue, long.MaxValue, "s64")),
        WitPrimitiveKind.U64 => new WitIntegerValue(ParseInteger(ulong.MinValue, ulong.MaxValue, "u64")),
        WitPrimitiveKind.F32 => new WitFloat32Value(ParseFloat(single: true) is var f32 && double.IsNaN(f32) ? CanonicalNaN32 : (float)f32),
        WitPrimitiveKind.F64 => new WitFloat64Value(ParseFloat(single: false) is var f64 && double.IsNaN(f64) ? CanonicalNaN64 : f64),
        WitPrimitiveKind.Char => new WitCharValue(Rune.GetRuneAt(_lexer.ReadChar().Text, 0)),
        _ => new WitStringValue(_lexer.ReadString().Text),
    };

    private WitBoolValue ParseBool()
    {
        var token = _lexer.ReadLabel();
        return (token.Kind, token.Text) switch
        {
            (WaveTokenKind.Label, "true") => new WitBoolValue(true),
            (WaveTokenKind.Label, "false") => new WitBoolValue(false),
            _ => throw _lexer.ErrorAt(token.Start, "expected a bool ('true' or 'false')"),
        };
    }

    private Int128 ParseInteger(Int128 min, Int128 max, string typeName)
    {
        var token = _lexer.ReadInteger();
        switch (token.Kind)
        {
            case WaveTokenKind.NoDigits:
                throw _lexer.ErrorAt(token.Start, $"expected an integer ({typeName})");
            case WaveTokenKind.NotWhole:
                throw _lexer.ErrorAt(token.Start, $"expected an integer ({typeName}), found a number with a fraction, exponent or suffix");
        }

        if (!Int128.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw _lexer.ErrorAt(token.Start, $"{token.Text} is out of range for {typeName} ({min}..{max})");
        }

        return value;
    }

    private double ParseFloat(bool single)
    {
        var token = _lexer.ReadNumber();
        switch (token.Kind)
        {
            case WaveTokenKind.Infinity:
                return double.PositiveInfinity;
            case WaveTokenKind.NegativeInfinity:
                return double.NegativeInfinity;
            case WaveTokenKind.NaN:
                return double.NaN;
        }

        var value = single
            ? float.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw _lexer.ErrorAt(token.Start, $"{token.Text} is too large for {(single ? "f32" : "f64")}; write 'inf' for infinity");
        }

        return value;
    }

    private WitListValue ParseList(WitListType list)
    {
        var start = _lexer.Position;
        var elements = new List<WitValue>();
        _lexer.Expect('[');
        ParseItems(']', "a list", () => elements.Add(ParseValue(list.Element)));

        if (list.Length is { } length && elements.Count != length)
        {
            throw _lexer.ErrorAt(start, $"expected {length} elements for list<_, {length}>, found {elements.Count}");
        }

        return new WitListValue(elements.ToImmutableArray());
    }

    private ImmutableArray<WitValue> ParseSequence(char open, char close, ImmutableArray<WitType> types, string what)
    {
        var start = _lexer.Position;
        _lexer.Expect(open);
        var values = ImmutableArray.CreateBuilder<WitValue>(types.Length);
        ParseItems(close, "a " + what, () =>
        {
            if (values.Count == types.Length)
            {
                throw _lexer.Error($"too many elements: the {what} has {types.Length}");
            }

            values.Add(ParseValue(types[values.Count]));
        });

        if (values.Count != types.Length)
        {
            throw _lexer.ErrorAt(start, $"expected {types.Length} elements in the {what}, found {values.Count}");
        }

        return values.MoveToImmutable();
    }

    private WitRecordValue ParseRecord(WitRecordType record)
    {
        var start = _lexer.Position;
        _lexer.Expect('{');
        var values = new WitValue?[record.Fields.Count];
        _lexer.SkipTrivia();
        if (_lexer.TryConsume(':'))
        {
            // `{:}`: every field omitted, which only option fields may be.
            _lexer.SkipTrivia();
            _lexer.Expect('}');
        }
        else
        {
            ParseItems('}', "a record", () =>
            {
                var labelToken = _lexer.ReadLabel();
                var labelStart = labelToken.Start;
                var label = labelToken.Text;
                var index = LabelLookup.IndexOf(record.Fields, f => f.Name == label);
                if (index < 0)
                {
                    throw _lexer.ErrorAt(labelStart, $"record {record.Name} has no field '{label}'");
                }

                if (values[index] is not null)
                {
                    throw _lexer.ErrorAt(labelStart, $"field '{label}' appears twice");
                }

                _lexer.SkipTrivia();
                _lexer.Expect(':');
                values[index] = ParseValue(record.Fields[index].Type);
            });

            if (Array.TrueForAll(values, v => v is null))
            {
                throw _lexer.ErrorAt(start, "'{}' is an empty flags value; an empty record is written '{:}'");
            }
        }

        var fields = ImmutableArray.CreateBuilder<WitFieldValue>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var field = record.Fields[i];
            if (values[i] is null && field.Type.Unaliased is not WitOptionType)
            {
                throw _lexer.ErrorAt(start, $"record {record.Name} is missing field '{field.Name}'");
            }

            fields.Add(new WitFieldValue(field.Name, values[i] ?? WitOptionValue.None));
        }

        return new WitRecordValue(fields.MoveToImmutable());
    }

    private WitFlagsValue ParseFlags(WitFlagsType flags)
    {
        _lexer.Expect('{');
        var set = new bool[flags.Flags.Count];
        ParseItems('}', "flags", () =>
        {
            var labelToken = _lexer.ReadLabel();
            var labelStart = labelToken.Start;
            var label = labelToken.Text;
            var index = LabelLookup.IndexOf(flags.Flags, f => f.Name == label);
            if (index < 0)
            {
                throw _lexer.ErrorAt(labelStart, $"flags {flags.Name} has no flag '{label}'");
            }

            if (set[index])
            {
                throw _lexer.ErrorAt(labelStart, $"flag '{label}' appears twice");
            }

            set[index] = true;
        });

        var names = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < set.Length; i++)
        {
            if (set[i])
            {
                names.Add(flags.Flags[i].Name);
            }
        }

        return new WitFlagsValue(names.ToImmutable());
    }

    private WitEnumValue ParseEnum(WitEnumType @enum)
    {
        var start = _lexer.Position;
        var label = ReadCaseLabel();
        return LabelLookup.IndexOf(@enum.Cases, c => c.Name == label) >= 0
            ? new WitEnumValue(label)
            : throw _lexer.ErrorAt(start, $"enum {@enum.Name} has no case '{label}'");
    }

    private WitVariantValue ParseVariant(WitVariantType variant)
    {
        var start = _lexer.Position;
        var label = ReadCaseLabel();
        foreach (var @case in variant.Cases)
        {
            if (@case.Name == label)
            {
                return new WitVariantValue(label, ParseCasePayload(@case.Payload, label));
            }
        }

        throw _lexer.ErrorAt(start, $"variant {variant.Name} has no case '{label}'");
    }

    private WitValue ParseOption(WitOptionType option)
    {
        var start = _lexer.Position;
        if (_lexer.PeekKeyword() is "none")
        {
            _lexer.ReadLabel();
            return WitOptionValue.None;
        }

        if (_lexer.PeekKeyword() is "some")
        {
            _lexer.ReadLabel();
            return new WitOptionValue(ParseCasePayload(option.Payload, "some"));
        }

        if (IsOptionOrResult(option.Payload))
        {
            throw _lexer.ErrorAt(start, "expected 'some(…)' or 'none' (the bare form is not allowed when the payload is an option or result)");
        }

        return new WitOptionValue(ParseValue(option.Payload));
    }

    private WitValue ParseResult(WitResultType result)
    {
        var start = _lexer.Position;
        if (_lexer.PeekKeyword() is "ok" or "err")
        {
            var isOk = _lexer.ReadLabel().Text == "ok";
            return new WitResultValue(isOk, ParseCasePayload(isOk ? result.Ok : result.Err, isOk ? "ok" : "err"));
        }

        if (result.Ok is null || IsOptionOrResult(result.Ok))
        {
            throw _lexer.ErrorAt(start, "expected 'ok' or 'err'");
        }

        return new WitResultValue(true, ParseValue(result.Ok));
    }

    private WitValue? ParseCasePayload(WitType? payloadType, string caseName)
    {
        _lexer.SkipTrivia();
        if (payloadType is null)
        {
            if (_lexer.Peek() == '(')
            {
                throw _lexer.Error($"case '{caseName}' has no payload");
            }

            return null;
        }

        if (!_lexer.TryConsume('('))
        {
            throw _lexer.Error($"case '{caseName}' needs a payload in parentheses");
        }

        var payload = ParseValue(payloadType);
        _lexer.SkipTrivia();
        _lexer.Expect(')');
        return payload;
    }

    private static bool IsOptionOrResult(WitType type) => type.Unaliased is WitOptionType or WitResultType;

    private string ReadCaseLabel()
    {
        var token = _lexer.ReadLabel();
        if (token.Kind == WaveTokenKind.Label && WaveKeywords.IsKeyword(token.Text))
        {
            throw _lexer.ErrorAt(token.Start, $"'{token.Text}' is a WAVE keyword; a case of that name is written '%{token.Text}'");
        }

        return token.Text;
    }

    /// <summary>Parses comma-separated items up to <paramref name="close"/> (a trailing comma is allowed), consuming it.</summary>
    private void ParseItems(char close, string what, Action parseItem)
    {
        while (true)
        {
            _lexer.SkipTrivia();
            if (_lexer.TryConsume(close))
            {
                return;
            }

            parseItem();
            _lexer.SkipTrivia();
            if (!_lexer.TryConsume(',') && _lexer.Peek() != close)
            {
                throw _lexer.Error($"expected ',' or '{close}' in {what}");
            }
        }
    }
}
