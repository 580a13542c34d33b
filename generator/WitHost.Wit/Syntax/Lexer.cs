using System.Globalization;
using WitHost.Wit.Diagnostics;

namespace WitHost.Wit.Syntax;

/// <summary>
/// Turns WIT text into tokens. Whitespace and comments are dropped, except that doc comments
/// (<c>///</c> and <c>/** */</c>) are attached to the token that follows them. Lexical errors are
/// reported and skipped so that the parser still sees the rest of the file.
/// </summary>
internal sealed class Lexer
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<Token> _tokens;
    private readonly List<string> _pendingDocs = new();
    private int _position;

    private Lexer(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;

        // Real WIT averages well over six characters per token; sizing up front avoids regrowing.
        _tokens = new List<Token>(_text.Length / 6 + 16);
    }

    /// <summary>Tokenizes the whole file; the last token is always <see cref="TokenKind.EndOfFile"/>.</summary>
    public static List<Token> Tokenize(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new Lexer(source, diagnostics);
        lexer.ReportForbiddenCodePoints();
        lexer.Run();
        return lexer._tokens;
    }

    private void ReportForbiddenCodePoints()
    {
        for (var i = 0; i < _text.Length; i++)
        {
            var ch = _text[i];
            if (ch is >= ' ' and < '\u007f')
            {
                // Printable ASCII, by far the common case.
                continue;
            }

            string? reason = ch switch
            {
                '\n' or '\r' or '\t' => null,
                >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' => "bidirectional override",
                '\u0149' or '\u0673' or '\u0f77' or '\u0f79' or '\u17a3' or '\u17a4' or '\u17b4' or '\u17b5' => "deprecated",
                _ when char.IsControl(ch) => "control",
                _ => null,
            };
            if (reason is not null)
            {
                _diagnostics.Error(DiagnosticCodes.ForbiddenCodePoint, new TextSpan(_source, i, 1),
                    $"{reason} code point U+{(int)ch:X4} is not allowed in WIT source");
            }
        }
    }

    private void Run()
    {
        if (_position < _text.Length && _text[_position] == '\uFEFF')
        {
            _position++;
        }

        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                Add(TokenKind.EndOfFile, _text.Length, 0);
                return;
            }

            LexToken();
        }
    }

    private void Add(TokenKind kind, int start, int length)
    {
        string? docs = _pendingDocs.Count == 0 ? null : DocCommentText.Normalize(_pendingDocs);
        _pendingDocs.Clear();
        _tokens.Add(new Token(kind, start, length, docs));
    }

    private char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var ch = _text[_position];
            if (ch is ' ' or '\t' or '\n' or '\r' || (char.IsControl(ch) && ch != '\0') || IsForbiddenFormat(ch))
            {
                _position++;
            }
            else if (ch == '/' && Peek(1) == '/')
            {
                var start = _position;
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }

                // Only `///` (not `////`) is a doc comment; other comments are dropped without copying.
                var length = _position - start;
                if (length >= 3 && _text[start + 2] == '/' && (length == 3 || _text[start + 3] != '/'))
                {
                    _pendingDocs.Add(_text.Substring(start, length));
                }
            }
            else if (ch == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsForbiddenFormat(char ch) => ch is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    private void SkipBlockComment()
    {
        var start = _position;
        _position += 2;
        var depth = 1;
        while (depth > 0)
        {
            if (_position >= _text.Length)
            {
                _diagnostics.Error(DiagnosticCodes.UnterminatedComment, new TextSpan(_source, start, 2), "unterminated block comment");
                return;
            }

            if (_text[_position] == '/' && Peek(1) == '*')
            {
                depth++;
                _position += 2;
            }
            else if (_text[_position] == '*' && Peek(1) == '/')
            {
                depth--;
                _position += 2;
            }
            else
            {
                _position++;
            }
        }

        var comment = _text.Substring(start, _position - start);
        if (comment.StartsWith("/**", StringComparison.Ordinal) && comment != "/**/" && !comment.StartsWith("/***", StringComparison.Ordinal))
        {
            _pendingDocs.Add(comment);
        }
    }

    private void LexToken()
    {
        var start = _position;
        var ch = _text[_position++];
        switch (ch)
        {
            case '=': Add(TokenKind.Equals, start, 1); return;
            case ',': Add(TokenKind.Comma, start, 1); return;
            case ':': Add(TokenKind.Colon, start, 1); return;
            case '.': Add(TokenKind.Period, start, 1); return;
            case ';': Add(TokenKind.Semicolon, start, 1); return;
            case '(': Add(TokenKind.LeftParen, start, 1); return;
            case ')': Add(TokenKind.RightParen, start, 1); return;
            case '{': Add(TokenKind.LeftBrace, start, 1); return;
            case '}': Add(TokenKind.RightBrace, start, 1); return;
            case '<': Add(TokenKind.LessThan, start, 1); return;
            case '>': Add(TokenKind.GreaterThan, start, 1); return;
            case '*': Add(TokenKind.Star, start, 1); return;
            case '@': Add(TokenKind.At, start, 1); return;
            case '/': Add(TokenKind.Slash, start, 1); return;
            case '+': Add(TokenKind.Plus, start, 1); return;
            case '-':
                if (Peek() == '>')
                {
                    _position++;
                    Add(TokenKind.Arrow, start, 2);
                }
                else
                {
                    Add(TokenKind.Minus, start, 1);
                }

                return;
            case '%':
                if (_position < _text.Length && IsKeylikeStart(_text[_position]))
                {
                    SkipKeylike();
                }

                Add(TokenKind.ExplicitIdentifier, start, _position - start);
                return;
            case '"':
                LexString(start);
                return;
        }

        if (IsKeylikeStart(ch))
        {
            SkipKeylike();
            Add(SyntaxFacts.KeywordOrIdentifier(_text.Substring(start, _position - start)), start, _position - start);
        }
        else if (ch is >= '0' and <= '9')
        {
            while (Peek() is >= '0' and <= '9')
            {
                _position++;
            }

            Add(TokenKind.Integer, start, _position - start);
        }
        else
        {
            if (char.IsHighSurrogate(ch) && _position < _text.Length && char.IsLowSurrogate(_text[_position]))
            {
                _position++;
            }

            _diagnostics.Error(DiagnosticCodes.UnexpectedCharacter, new TextSpan(_source, start, _position - start),
                $"unexpected character '{_text.Substring(start, _position - start)}'");
        }
    }

    private void SkipKeylike()
    {
        while (_position < _text.Length && IsKeylikeContinue(_text[_position]))
        {
            _position++;
        }
    }

    private static bool IsKeylikeStart(char ch) => ch == '_' || char.IsLetter(ch);

    private static bool IsKeylikeContinue(char ch)
    {
        if (ch is '-' or '_' || char.IsLetterOrDigit(ch))
        {
            return true;
        }

        var category = char.GetUnicodeCategory(ch);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
    }

    private void LexString(int start)
    {
        while (_position < _text.Length && _text[_position] != '"' && _text[_position] != '\n')
        {
            _position += _text[_position] == '\\' && _position + 1 < _text.Length ? 2 : 1;
        }

        if (_position >= _text.Length || _text[_position] != '"')
        {
            _diagnostics.Error(DiagnosticCodes.InvalidStringLiteral, new TextSpan(_source, start, 1), "unterminated string literal");
            Add(TokenKind.StringLiteral, start, _position - start);
            return;
        }

        _position++;
        Add(TokenKind.StringLiteral, start, _position - start);
    }
}
