using System.Globalization;
using System.Text;

namespace WitHost.Wamr.Values;

/// <summary>
/// The character level of WAVE text: trivia (white space and <c>//</c> comments), punctuation,
/// labels, numbers, and string and char literals with their escapes, each read as a
/// <see cref="WaveToken"/> with its position, and the errors that point into the text.
/// </summary>
/// <remarks>
/// WAVE is type-directed, so the lexer reads the token the parser asks for rather than guessing:
/// <c>nan</c> is a number where an <c>f64</c> is expected and a label where an enum is, and an
/// integer allows leading zeros where a float (JSON syntax) does not.
/// </remarks>
internal sealed class WaveLexer
{
    private readonly string _text;
    private int _position;

    public WaveLexer(string text) => _text = text;

    /// <summary>The offset of the next character to read.</summary>
    public int Position => _position;

    /// <summary>Reads a label or keyword, <c>%</c>-escaped or not; the token starts at the <c>%</c>.</summary>
    public WaveToken ReadLabel()
    {
        var start = _position;
        var text = ReadLabelText(out var escaped);
        return new WaveToken(escaped ? WaveTokenKind.EscapedLabel : WaveTokenKind.Label, start, _position, text);
    }

    /// <summary>
    /// Reads an integer: an optional <c>-</c> and decimal digits. Where there are no digits, or a
    /// fraction, exponent or suffix follows them, the token's kind says so and the parser, which
    /// knows the integer type, words the error.
    /// </summary>
    public WaveToken ReadInteger()
    {
        var start = _position;
        TryConsume('-');
        if (SkipDigits() == 0)
        {
            return new WaveToken(WaveTokenKind.NoDigits, start, _position, string.Empty);
        }

        var kind = _position < _text.Length && (_text[_position] is '.' or 'e' or 'E' || char.IsAsciiLetter(_text[_position]))
            ? WaveTokenKind.NotWhole
            : WaveTokenKind.Integer;
        return new WaveToken(kind, start, _position, _text.Substring(start, _position - start));
    }

    /// <summary>Reads a float: a JSON number, <c>nan</c>, <c>inf</c> or <c>-inf</c>.</summary>
    public WaveToken ReadNumber()
    {
        var start = _position;
        var negative = TryConsume('-');
        if (_position < _text.Length && char.IsAsciiLetter(_text[_position]))
        {
            var word = ReadLabelText(out var escaped);
            if (!escaped && word == "inf")
            {
                return new WaveToken(negative ? WaveTokenKind.NegativeInfinity : WaveTokenKind.Infinity, start, _position, word);
            }

            if (!escaped && !negative && word == "nan")
            {
                return new WaveToken(WaveTokenKind.NaN, start, _position, word);
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

        return new WaveToken(WaveTokenKind.Number, start, _position, _text.Substring(start, _position - start));
    }

    /// <summary>Reads a char literal; the token's text is the one scalar value it holds.</summary>
    public WaveToken ReadChar()
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

        return new WaveToken(WaveTokenKind.Char, start, _position, rune.ToString());
    }

    /// <summary>Reads a string literal, single-line or multiline; the token's text is its decoded value.</summary>
    public WaveToken ReadString()
    {
        var start = _position;
        var value = _text.AsSpan(_position).StartsWith("\"\"\"", StringComparison.Ordinal)
            ? ReadMultilineString()
            : ReadSingleLineString();
        return new WaveToken(WaveTokenKind.String, start, _position, value);
    }

    private string ReadSingleLineString()
    {
        var start = _position;
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

    private string ReadMultilineString()
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

    /// <summary>The keyword at the cursor, if an unescaped keyword label starts here; otherwise null.</summary>
    public string? PeekKeyword()
    {
        var save = _position;
        if (_position >= _text.Length || !char.IsAsciiLetter(_text[_position]))
        {
            return null;
        }

        var word = ReadLabelText(out _);
        _position = save;
        return WaveKeywords.IsKeyword(word) ? word : null;
    }

    /// <summary>Reads a kebab-case label, optionally <c>%</c>-prefixed, checking WIT's identifier rules.</summary>
    private string ReadLabelText(out bool escaped)
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

    private int SkipDigits()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return _position - start;
    }

    public void SkipTrivia()
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

    public void ExpectEnd()
    {
        SkipTrivia();
        if (_position < _text.Length)
        {
            throw Error("unexpected text after the value");
        }
    }

    public void Expect(char expected)
    {
        if (!TryConsume(expected))
        {
            throw Error(_position >= _text.Length ? $"expected '{expected}', found the end of the text" : $"expected '{expected}', found '{_text[_position]}'");
        }
    }

    public bool TryConsume(char expected)
    {
        if (_position < _text.Length && _text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    public char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    public WaveParseException Error(string reason) => ErrorAt(_position, reason);

    public WaveParseException ErrorAt(int offset, string reason)
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
