using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Syntax;

/// <summary>
/// Recursive-descent parser from tokens to <see cref="FileSyntax"/>. A syntax error is reported,
/// then the parser skips to the end of the broken item (its <c>;</c> or closing <c>}</c>) and goes on,
/// so one file can yield several independent errors.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deeper type nesting than this is rejected (protects the recursive resolver and emitters).</summary>
    public const int MaxTypeDepth = 100;

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<Token> _tokens;
    private int _index;

    private Parser(SourceText source, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
        _tokens = Lexer.Tokenize(source, diagnostics);
    }

    /// <summary>Parses one file.</summary>
    public static FileSyntax ParseFile(SourceText source, DiagnosticBag diagnostics)
        => new Parser(source, diagnostics).ParseFile();

    private Token Current => _tokens[_index];

    private TokenKind Kind => Current.Kind;

    private TokenKind PeekKind(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)].Kind;

    private Token Advance()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private bool Eat(TokenKind kind)
    {
        if (Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind) => Kind == kind ? Advance() : throw Unexpected(SyntaxFacts.Describe(kind));

    private ParseException Unexpected(string expected)
    {
        var token = Current;
        var found = token.Kind == TokenKind.EndOfFile ? "end of file" : SyntaxFacts.Describe(token.Kind);
        _diagnostics.Error(DiagnosticCodes.UnexpectedToken, Span(token), $"expected {expected}, found {found}");
        return new ParseException();
    }

    private TextSpan Span(Token token) => new(_source, token.Start, token.Length);

    private TextSpan SpanFrom(Token first) => SpanFrom(first.Start);

    private TextSpan SpanFrom(int start)
    {
        var end = _index > 0 ? _tokens[_index - 1].End : start;
        return new TextSpan(_source, start, Math.Max(0, end - start));
    }

    private FileSyntax ParseFile()
    {
        PackageDeclarationSyntax? package = null;
        var items = new List<TopLevelItemSyntax>();
        var nested = new List<NestedPackageSyntax>();
        var first = true;
        while (Kind != TokenKind.EndOfFile)
        {
            var start = _index;
            try
            {
                var (docs, attributes) = ParseDocsAndAttributes();
                if (Kind == TokenKind.Package)
                {
                    var declaration = ParsePackageDeclaration(docs, attributes);
                    if (Eat(TokenKind.Semicolon))
                    {
                        if (!first || package is not null)
                        {
                            _diagnostics.Error(DiagnosticCodes.UnexpectedToken, declaration.Span,
                                "a `package` declaration ending in ';' must come first in the file; use `package … { … }` for more packages");
                        }
                        else
                        {
                            package = declaration;
                        }
                    }
                    else
                    {
                        Expect(TokenKind.LeftBrace);
                        if (attributes.Count > 0)
                        {
                            _diagnostics.Error(DiagnosticCodes.AttributeNotAllowed, attributes[0].Span, "attributes are not allowed on nested packages");
                        }

                        nested.Add(new NestedPackageSyntax(declaration, ParseNestedPackageItems()));
                    }
                }
                else
                {
                    items.Add(ParseTopLevelItem(docs, attributes, nestedAllowed: true));
                }
            }
            catch (ParseException)
            {
                Recover(start);

                // At the top level no block is open, so a stray '}' is skipped here rather than
                // left for a caller; either way the loop must always move forward.
                if (_index == start || Kind == TokenKind.RightBrace)
                {
                    Advance();
                }
            }

            first = false;
        }

        return new FileSyntax(_source, package, items, nested);
    }

    private List<TopLevelItemSyntax> ParseNestedPackageItems() => ParseMembersUntilRightBrace((docs, attributes) =>
    {
        if (Kind == TokenKind.Package)
        {
            _diagnostics.Error(DiagnosticCodes.NestedPackageNotTopLevel, Span(Current), "nested packages must be placed at the top level");
            throw new ParseException();
        }

        return ParseTopLevelItem(docs, attributes, nestedAllowed: false);
    });

    /// <summary>
    /// Parses members of a braced block up to and including its <c>}</c> (the <c>{</c> is already
    /// consumed). A broken member is reported and skipped; the others are still parsed.
    /// </summary>
    private List<T> ParseMembersUntilRightBrace<T>(Func<string?, IReadOnlyList<AttributeSyntax>, T> parseMember)
    {
        var members = new List<T>();
        while (!Eat(TokenKind.RightBrace))
        {
            if (Kind == TokenKind.EndOfFile)
            {
                throw Unexpected("'}'");
            }

            var start = _index;
            try
            {
                var (docs, attributes) = ParseDocsAndAttributes();
                members.Add(parseMember(docs, attributes));
            }
            catch (ParseException)
            {
                Recover(start);
            }
        }

        return members;
    }

    private PackageDeclarationSyntax ParsePackageDeclaration(string? docs, IReadOnlyList<AttributeSyntax> attributes)
    {
        var start = Expect(TokenKind.Package);
        var name = ParsePackageName(allowInterface: false, out _);
        return new PackageDeclarationSyntax(name, SpanFrom(start)) { Docs = docs, Attributes = attributes };
    }

    private TopLevelItemSyntax ParseTopLevelItem(string? docs, IReadOnlyList<AttributeSyntax> attributes, bool nestedAllowed)
    {
        switch (Kind)
        {
            case TokenKind.Interface:
            {
                var start = Advance();
                var name = ParseIdentifier();
                var members = ParseInterfaceBody();
                return new InterfaceSyntax(name, members, SpanFrom(start)) { Docs = docs, Attributes = attributes };
            }

            case TokenKind.World:
            {
                var start = Advance();
                var name = ParseIdentifier();
                var members = ParseWorldBody();
                return new WorldSyntax(name, members, SpanFrom(start)) { Docs = docs, Attributes = attributes };
            }

            case TokenKind.Use:
            {
                var start = Advance();
                var path = ParseUsePath();
                IdentifierSyntax? alias = null;
                if (Eat(TokenKind.As))
                {
                    alias = ParseIdentifier();
                }

                Expect(TokenKind.Semicolon);
                if (attributes.Count > 0)
                {
                    _diagnostics.Error(DiagnosticCodes.AttributeNotAllowed, attributes[0].Span, "attributes are not allowed on a top-level `use`");
                }

                return new TopLevelUseSyntax(path, alias, SpanFrom(start)) { Docs = docs };
            }

            default:
                throw Unexpected(nestedAllowed ? "`world`, `interface`, `use` or `package`" : "`world`, `interface` or `use`");
        }
    }

    /// <summary>
    /// After an error inside the item that began at token <paramref name="itemStart"/>, skips to the
    /// item's end: the first <c>;</c> outside any braces, or the <c>}</c> closing a block the item
    /// opened. A <c>}</c> that closes an enclosing block is left for the caller.
    /// </summary>
    private void Recover(int itemStart)
    {
        var depth = 0;
        for (var i = itemStart; i < _index; i++)
        {
            depth += _tokens[i].Kind switch { TokenKind.LeftBrace => 1, TokenKind.RightBrace => -1, _ => 0 };
        }

        if (_index == itemStart && Kind != TokenKind.EndOfFile && !(Kind == TokenKind.RightBrace && depth == 0))
        {
            // Nothing was consumed: make progress so the loop cannot spin.
            depth += Kind == TokenKind.LeftBrace ? 1 : 0;
            if (Advance().Kind == TokenKind.Semicolon)
            {
                return;
            }
        }

        while (Kind != TokenKind.EndOfFile)
        {
            switch (Kind)
            {
                case TokenKind.Semicolon when depth == 0:
                    Advance();
                    return;
                case TokenKind.LeftBrace:
                    depth++;
                    break;
                case TokenKind.RightBrace:
                    if (depth <= 0)
                    {
                        return;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        Advance();
                        Eat(TokenKind.Semicolon);
                        return;
                    }

                    break;
            }

            Advance();
        }
    }
}
