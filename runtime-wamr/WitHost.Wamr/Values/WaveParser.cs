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

    private readonly string _text;
    private int _position;

    private WaveParser(string text) => _text = text;

    /// <summary>Parses the whole of <paramref name="text"/> as one value of <paramref name="type"/>.</summary>
    /// <exception cref="WaveParseException">The text is not a value of that type; the message says where and why.</exception>
    public static WitValue Parse(string text, WitType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(type);
        var parser = new WaveParser(text);
        var value = parser.ParseValue(type);
        parser.ExpectEnd();
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
        parser.ExpectEnd();
        return arguments;
    }

    private ImmutableArray<WitValue> ParseArgumentList(IReadOnlyList<WitType> parameterTypes)
    {
        Expect('(');
        var arguments = ImmutableArray.CreateBuilder<WitValue>(parameterTypes.Count);
        ParseItems(')', "an argument list", () =>
        {
            if (arguments.Count == parameterTypes.Count)
            {
                throw Error($"too many arguments: the function takes {parameterTypes.Count}");
            }

            arguments.Add(ParseValue(parameterTypes[arguments.Count]));
        });

        for (var i = arguments.Count; i < parameterTypes.Count; i++)
        {
            if (parameterTypes[i].Unaliased is not WitOptionType)
            {
                throw Error($"missing argument {i + 1} of {parameterTypes.Count}");
            }

            arguments.Add(WitOptionValue.None);
        }

        return arguments.MoveToImmutable();
    }

    private WitValue ParseValue(WitType type)
    {
        SkipTrivia();
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
                throw Error($"values of type {Wit.Abi.WitTypeNames.Format(type)} have no WAVE form");
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
        WitPrimitiveKind.Char => ParseChar(),
        _ => new WitStringValue(ParseString()),
    };

    private WitBoolValue ParseBool()
    {
        var start = _position;
        var word = ReadLabel(out var escaped);
        return (word, escaped) switch
        {
            ("true", false) => new WitBoolValue(true),
            ("false", false) => new WitBoolValue(false),
            _ => throw ErrorAt(start, "expected a bool ('true' or 'false')"),
        };
    }

    private Int128 ParseInteger(Int128 min, Int128 max, string typeName)
    {
        var start = _position;
        TryConsume('-');
        var digitsStart = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        if (_position == digitsStart)
        {
            throw ErrorAt(start, $"expected an integer ({typeName})");
        }

        if (_position < _text.Length && (_text[_position] is '.' or 'e' or 'E' || char.IsAsciiLetter(_text[_position])))
        {
            throw ErrorAt(start, $"expected an integer ({typeName}), found a number with a fraction, exponent or suffix");
        }

        var literal = _text.AsSpan(start, _position - start);
        if (!Int128.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw ErrorAt(start, $"{literal.ToString()} is out of range for {typeName} ({min}..{max})");
        }

        return value;
    }

    private double ParseFloat(bool single)
    {
        var start = _position;
        var negative = TryConsume('-');
        if (_position < _text.Length && char.IsAsciiLetter(_text[_position]))
        {
            var word = ReadLabel(out var escaped);
            if (!escaped && word == "inf")
            {
                return negative ? double.NegativeInfinity : double.PositiveInfinity;
            }

            if (!escaped && !negative && word == "nan")
            {
                return double.NaN;
            }

            throw ErrorAt(start, "expected a number, 'nan', 'inf' or '-inf'");
        }

        // A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
        var intStart = _position;
        SkipDigits();
        var intDigits = _position - intStart;
        if (intDigits == 0 || (intDigits > 1 && _text[intStart] == '0'))
        {
            throw ErrorAt(start, "expected a number (JSON syntax: no leading zeros, digits before '.')");
        }

        if (TryConsume('.') && SkipDigits() == 0)
        {
            throw ErrorAt(start, "expected digits after '.'");
        }

        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-')
            {
                _position++;
            }

            if (SkipDigits() == 0)
            {
                throw ErrorAt(start, "expected digits in the exponent");
            }
        }

        var literal = _text.AsSpan(start, _position - start);
        var value = single
            ? float.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture)
            : double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw ErrorAt(start, $"{literal.ToString()} is too large for {(single ? "f32" : "f64")}; write 'inf' for infinity");
        }

        return value;
    }

    private int SkipDigits()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return _position - start;
    }

    private WitCharValue ParseChar()
    {
        var start = _position;
        Expect('\'');
        if (Peek() == '\'')
        {
            throw ErrorAt(start, "empty char literal");
        }

        var rune = ReadCharacter('\'', multiline: false);
        if (!TryConsume('\''))
        {
            throw ErrorAt(start, "a char literal holds exactly one Unicode scalar value");
        }

        return new WitCharValue(rune);
    }

    private string ParseString()
    {
        var start = _position;
        if (_text.AsSpan(_position).StartsWith("\"\"\"", StringComparison.Ordinal))
        {
            return ParseMultilineString();
        }

        Expect('"');
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw ErrorAt(start, "unterminated string");
            }

            if (_text[_position] == '"')
            {
                _position++;
                return builder.ToString();
            }

            builder.Append(ReadCharacter('"', multiline: false).ToString());
        }
    }

    private string ParseMultilineString()
    {
        var start = _position;
        _position += 3;
        if (TryConsume('\r') ? !TryConsume('\n') : !TryConsume('\n'))
        {
            throw ErrorAt(start, "a multiline string starts with '\"\"\"' and a line break");
        }

        // Find the closing delimiter: the first unescaped `"""`.
        var contentStart = _position;
        var end = _position;
        while (true)
        {
            if (end >= _text.Length)
            {
                throw ErrorAt(start, "unterminated multiline string");
            }

            if (_text[end] == '\\')
            {
                end += 2;
                continue;
            }

            if (_text.AsSpan(end).StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                break;
            }

            end++;
        }

        var lastBreak = _text.LastIndexOf('\n', end - 1, end - contentStart);
        if (lastBreak < 0 || !IsAllSpaces(lastBreak + 1, end))
        {
            throw ErrorAt(end, "the closing '\"\"\"' of a multiline string must be on its own line after spaces only");
        }

        var indent = end - (lastBreak + 1);
        var lineBreakStart = lastBreak > contentStart && _text[lastBreak - 1] == '\r' ? lastBreak - 1 : lastBreak;
        var builder = new StringBuilder();
        _position = contentStart;
        var firstLine = true;
        while (true)
        {
            if (!firstLine)
            {
                builder.Append('\n');
            }

            firstLine = false;
            if (!IsAllSpaces(_position, Math.Min(_position + indent, lineBreakStart)) || _position + indent > lineBreakStart)
            {
                throw Error($"every line of this multiline string must start with {indent} spaces (the indent of its closing '\"\"\"')");
            }

            _position += indent;
            while (_position < lineBreakStart && _text[_position] is not '\n' && !(_text[_position] == '\r' && Peek(1) == '\n'))
            {
                builder.Append(ReadCharacter('"', multiline: true).ToString());
            }

            if (_position >= lineBreakStart)
            {
                break;
            }

            _position += _text[_position] == '\r' ? 2 : 1;
        }

        _position = end + 3;
        return builder.ToString();
    }

    private bool IsAllSpaces(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private Rune ReadCharacter(char quote, bool multiline)
    {
        var start = _position;
        if (_position >= _text.Length)
        {
            throw Error("unexpected end of text in a literal");
        }

        if (Rune.DecodeFromUtf16(_text.AsSpan(_position), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
        {
            throw Error("invalid UTF-16 (a lone surrogate) in a literal");
        }

        _position += consumed;
        if (rune.Value == '\\')
        {
            return ReadEscape(start);
        }

        if (rune.Value == '\n' && !multiline)
        {
            throw ErrorAt(start, "a line break in a literal must be written as \\n");
        }

        if (rune.Value == quote && !multiline)
        {
            throw ErrorAt(start, $"a {quote} in this literal must be escaped");
        }

        return rune;
    }

    private Rune ReadEscape(int start)
    {
        var escape = Peek();
        _position++;
        switch (escape)
        {
            case '\'':
            case '"':
            case '\\':
                return new Rune(escape);
            case 't':
                return new Rune('\t');
            case 'n':
                return new Rune('\n');
            case 'r':
                return new Rune('\r');
            case 'u':
                Expect('{');
                var digitsStart = _position;
                while (_position < _text.Length && char.IsAsciiHexDigit(_text[_position]))
                {
                    _position++;
                }

                var digits = _text.AsSpan(digitsStart, _position - digitsStart);
                if (digits.Length is 0 or > 6 || !TryConsume('}'))
                {
                    throw ErrorAt(start, "expected \\u{ and 1 to 6 hex digits and }");
                }

                var scalar = int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (!Rune.IsValid(scalar))
                {
                    throw ErrorAt(start, $"\\u{{{digits.ToString()}}} is not a Unicode scalar value (a surrogate or above 10FFFF)");
                }

                return new Rune(scalar);
            default:
                throw ErrorAt(start, $"unknown escape '\\{escape}'");
        }
    }

    private WitListValue ParseList(WitListType list)
    {
        var start = _position;
        var elements = new List<WitValue>();
        Expect('[');
        ParseItems(']', "a list", () => elements.Add(ParseValue(list.Element)));

        if (list.Length is { } length && elements.Count != length)
        {
            throw ErrorAt(start, $"expected {length} elements for list<_, {length}>, found {elements.Count}");
        }

        return new WitListValue(elements.ToImmutableArray());
    }

    private ImmutableArray<WitValue> ParseSequence(char open, char close, ImmutableArray<WitType> types, string what)
    {
        var start = _position;
        Expect(open);
        var values = ImmutableArray.CreateBuilder<WitValue>(types.Length);
        ParseItems(close, "a " + what, () =>
        {
            if (values.Count == types.Length)
            {
                throw Error($"too many elements: the {what} has {types.Length}");
            }

            values.Add(ParseValue(types[values.Count]));
        });

        if (values.Count != types.Length)
        {
            throw ErrorAt(start, $"expected {types.Length} elements in the {what}, found {values.Count}");
        }

        return values.MoveToImmutable();
    }

    private WitRecordValue ParseRecord(WitRecordType record)
    {
        var start = _position;
        Expect('{');
        var values = new WitValue?[record.Fields.Count];
        SkipTrivia();
        if (TryConsume(':'))
        {
            // `{:}`: every field omitted, which only option fields may be.
            SkipTrivia();
            Expect('}');
        }
        else
        {
            ParseItems('}', "a record", () =>
            {
                var labelStart = _position;
                var label = ReadLabel(out _);
                var index = LabelLookup.IndexOf(record.Fields, f => f.Name == label);
                if (index < 0)
                {
                    throw ErrorAt(labelStart, $"record {record.Name} has no field '{label}'");
                }

                if (values[index] is not null)
                {
                    throw ErrorAt(labelStart, $"field '{label}' appears twice");
                }

                SkipTrivia();
                Expect(':');
                values[index] = ParseValue(record.Fields[index].Type);
            });

            if (Array.TrueForAll(values, v => v is null))
            {
                throw ErrorAt(start, "'{}' is an empty flags value; an empty record is written '{:}'");
            }
        }

        var fields = ImmutableArray.CreateBuilder<WitFieldValue>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var field = record.Fields[i];
            if (values[i] is null && field.Type.Unaliased is not WitOptionType)
            {
                throw ErrorAt(start, $"record {record.Name} is missing field '{field.Name}'");
            }

            fields.Add(new WitFieldValue(field.Name, values[i] ?? WitOptionValue.None));
        }

        return new WitRecordValue(fields.MoveToImmutable());
    }

    private WitFlagsValue ParseFlags(WitFlagsType flags)
    {
        Expect('{');
        var set = new bool[flags.Flags.Count];
        ParseItems('}', "flags", () =>
        {
            var labelStart = _position;
            var label = ReadLabel(out _);
            var index = LabelLookup.IndexOf(flags.Flags, f => f.Name == label);
            if (index < 0)
            {
                throw ErrorAt(labelStart, $"flags {flags.Name} has no flag '{label}'");
            }

            if (set[index])
            {
                throw ErrorAt(labelStart, $"flag '{label}' appears twice");
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
        var start = _position;
        var label = ReadCaseLabel();
        return LabelLookup.IndexOf(@enum.Cases, c => c.Name == label) >= 0
            ? new WitEnumValue(label)
            : throw ErrorAt(start, $"enum {@enum.Name} has no case '{label}'");
    }

    private WitVariantValue ParseVariant(WitVariantType variant)
    {
        var start = _position;
        var label = ReadCaseLabel();
        foreach (var @case in variant.Cases)
        {
            if (@case.Name == label)
            {
                return new WitVariantValue(label, ParseCasePayload(@case.Payload, label));
            }
        }

        throw ErrorAt(start, $"variant {variant.Name} has no case '{label}'");
    }

    private WitValue ParseOption(WitOptionType option)
    {
        var start = _position;
        if (PeekKeyword() is "none")
        {
            ReadLabel(out _);
            return WitOptionValue.None;
        }

        if (PeekKeyword() is "some")
        {
            ReadLabel(out _);
            return new WitOptionValue(ParseCasePayload(option.Payload, "some"));
        }

        if (IsOptionOrResult(option.Payload))
        {
            throw ErrorAt(start, "expected 'some(…)' or 'none' (the bare form is not allowed when the payload is an option or result)");
        }

        return new WitOptionValue(ParseValue(option.Payload));
    }

    private WitValue ParseResult(WitResultType result)
    {
        var start = _position;
        if (PeekKeyword() is "ok" or "err")
        {
            var isOk = ReadLabel(out _) == "ok";
            return new WitResultValue(isOk, ParseCasePayload(isOk ? result.Ok : result.Err, isOk ? "ok" : "err"));
        }

        if (result.Ok is null || IsOptionOrResult(result.Ok))
        {
            throw ErrorAt(start, "expected 'ok' or 'err'");
        }

        return new WitResultValue(true, ParseValue(result.Ok));
    }

    private WitValue? ParseCasePayload(WitType? payloadType, string caseName)
    {
        SkipTrivia();
        if (payloadType is null)
        {
            if (Peek() == '(')
            {
                throw Error($"case '{caseName}' has no payload");
            }

            return null;
        }

        if (!TryConsume('('))
        {
            throw Error($"case '{caseName}' needs a payload in parentheses");
        }

        var payload = ParseValue(payloadType);
        SkipTrivia();
        Expect(')');
        return payload;
    }

    private static bool IsOptionOrResult(WitType type) => type.Unaliased is WitOptionType or WitResultType;

    /// <summary>The keyword at the cursor, if an unescaped keyword label starts here; otherwise null.</summary>
    private string? PeekKeyword()
    {
        var save = _position;
        if (_position >= _text.Length || !char.IsAsciiLetter(_text[_position]))
        {
            return null;
        }

        var word = ReadLabel(out _);
        _position = save;
        return WaveKeywords.IsKeyword(word) ? word : null;
    }

    private string ReadCaseLabel()
    {
        var start = _position;
        var label = ReadLabel(out var escaped);
        if (!escaped && WaveKeywords.IsKeyword(label))
        {
            throw ErrorAt(start, $"'{label}' is a WAVE keyword; a case of that name is written '%{label}'");
        }

        return label;
    }

    /// <summary>Reads a kebab-case label, optionally <c>%</c>-prefixed, checking WIT's identifier rules.</summary>
    private string ReadLabel(out bool escaped)
    {
        var start = _position;
        escaped = TryConsume('%');
        var labelStart = _position;
        while (true)
        {
            var wordStart = _position;
            if (_position >= _text.Length || !char.IsAsciiLetter(_text[_position]))
            {
                throw ErrorAt(start, _position == labelStart ? "expected a label or keyword" : "each word of a label starts with a letter");
            }

            bool hasLower = false, hasUpper = false;
            while (_position < _text.Length && char.IsAsciiLetterOrDigit(_text[_position]))
            {
                hasLower |= char.IsAsciiLetterLower(_text[_position]);
                hasUpper |= char.IsAsciiLetterUpper(_text[_position]);
                _position++;
            }

            if (hasLower && hasUpper)
            {
                throw ErrorAt(wordStart, "a word of a label is all lowercase or all uppercase");
            }

            if (_position < _text.Length && _text[_position] == '-')
            {
                _position++;
                continue;
            }

            return _text.Substring(labelStart, _position - labelStart);
        }
    }

    /// <summary>Parses comma-separated items up to <paramref name="close"/> (a trailing comma is allowed), consuming it.</summary>
    private void ParseItems(char close, string what, Action parseItem)
    {
        while (true)
        {
            SkipTrivia();
            if (TryConsume(close))
            {
                return;
            }

            parseItem();
            SkipTrivia();
            if (!TryConsume(',') && Peek() != close)
            {
                throw Error($"expected ',' or '{close}' in {what}");
            }
        }
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void ExpectEnd()
    {
        SkipTrivia();
        if (_position < _text.Length)
        {
            throw Error("unexpected text after the value");
        }
    }

    private void Expect(char expected)
    {
        if (!TryConsume(expected))
        {
            throw Error(_position >= _text.Length ? $"expected '{expected}', found the end of the text" : $"expected '{expected}', found '{_text[_position]}'");
        }
    }

    private bool TryConsume(char expected)
    {
        if (_position < _text.Length && _text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private WaveParseException Error(string reason) => ErrorAt(_position, reason);

    private WaveParseException ErrorAt(int offset, string reason)
    {
        offset = Math.Min(offset, _text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new WaveParseException(reason, offset, line, offset - lineStart + 1);
    }
}
