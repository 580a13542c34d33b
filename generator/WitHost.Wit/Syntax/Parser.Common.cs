using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Syntax;

// Pieces shared by every kind of item: docs, attributes, identifiers, package names, versions.
internal sealed partial class Parser
{
    private (string? Docs, IReadOnlyList<AttributeSyntax> Attributes) ParseDocsAndAttributes()
    {
        var docs = Current.Docs;
        var attributes = new List<AttributeSyntax>();
        while (Kind == TokenKind.At)
        {
            attributes.Add(ParseAttribute());
            if (Current.Docs is { } more)
            {
                docs = docs is null ? more : docs + "\n" + more;
            }
        }

        return (docs, attributes);
    }

    private AttributeSyntax ParseAttribute()
    {
        var start = Expect(TokenKind.At);
        var nameToken = Current;
        if (nameToken.Kind != TokenKind.Identifier)
        {
            throw Unexpected("an attribute name");
        }

        Advance();
        var name = _source.Text.Substring(nameToken.Start, nameToken.Length);
        switch (name)
        {
            case "since":
            case "deprecated":
            {
                Expect(TokenKind.LeftParen);
                ExpectWord("version");
                Expect(TokenKind.Equals);
                var version = ParseVersion();
                Expect(TokenKind.RightParen);
                return new AttributeSyntax(name == "since" ? AttributeKind.Since : AttributeKind.Deprecated, version, null, SpanFrom(start));
            }

            case "unstable":
            {
                Expect(TokenKind.LeftParen);
                ExpectWord("feature");
                Expect(TokenKind.Equals);
                var feature = ParseIdentifier();
                Expect(TokenKind.RightParen);
                return new AttributeSyntax(AttributeKind.Unstable, null, feature.Name, SpanFrom(start));
            }

            case "external-id":
            {
                Expect(TokenKind.LeftParen);
                var literal = Expect(TokenKind.StringLiteral);
                Expect(TokenKind.RightParen);
                var value = StringLiteral.Decode(_source, literal, _diagnostics);
                return new AttributeSyntax(AttributeKind.ExternalId, null, value, SpanFrom(start));
            }

            default:
                _diagnostics.Error(DiagnosticCodes.InvalidAttribute, Span(nameToken), $"unknown attribute `{name}`");
                throw new ParseException();
        }
    }

    private void ExpectWord(string word)
    {
        if (Kind is TokenKind.Identifier && _source.Text.Substring(Current.Start, Current.Length) == word)
        {
            Advance();
            return;
        }

        if (Kind is TokenKind.Identifier or TokenKind.ExplicitIdentifier)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidAttribute, Span(Current),
                $"expected `{word}`, found `{_source.Text.Substring(Current.Start, Current.Length)}`");
            throw new ParseException();
        }

        throw Unexpected($"`{word}`");
    }

    /// <summary>Parses an identifier (plain or <c>%</c>-escaped) and checks the kebab-case rules.</summary>
    private IdentifierSyntax ParseIdentifier()
    {
        var token = Current;
        if (token.Kind is not (TokenKind.Identifier or TokenKind.ExplicitIdentifier))
        {
            throw Unexpected("an identifier");
        }

        Advance();
        var text = _source.Text.Substring(token.Start, token.Length);
        var name = token.Kind == TokenKind.ExplicitIdentifier ? text.Substring(1) : text;
        var error = Identifiers.Validate(name);
        if (error is not null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidIdentifier, Span(token), $"invalid identifier `{text}`: {error}");
        }

        return new IdentifierSyntax(name, Span(token));
    }

    private bool AtIdentifier => Kind is TokenKind.Identifier or TokenKind.ExplicitIdentifier;

    /// <summary>
    /// Parses <c>ns:name[@version]</c>; when <paramref name="allowInterface"/> is set, also the
    /// <c>ns:name/iface[@version]</c> form, returning the interface in <paramref name="interfaceName"/>.
    /// </summary>
    private PackageNameSyntax ParsePackageName(bool allowInterface, out IdentifierSyntax? interfaceName)
    {
        var start = Current;
        var ns = ParseIdentifier();
        Expect(TokenKind.Colon);
        var name = ParseIdentifier();
        interfaceName = null;
        if (allowInterface)
        {
            Expect(TokenKind.Slash);
            interfaceName = ParseIdentifier();
        }

        WitVersion? version = null;
        if (Eat(TokenKind.At))
        {
            version = ParseVersion();
        }

        return new PackageNameSyntax(ns, name, version, SpanFrom(start));
    }

    /// <summary>Parses a use-path: <c>name</c> or <c>ns:pkg/name[@version]</c>.</summary>
    private UsePathSyntax ParseUsePath()
    {
        var start = Current;
        if (PeekKind(1) == TokenKind.Colon)
        {
            var package = ParsePackageName(allowInterface: true, out var interfaceName);
            return new UsePathSyntax(package, interfaceName!, SpanFrom(start));
        }

        var name = ParseIdentifier();
        return new UsePathSyntax(null, name, name.Span);
    }

    /// <summary>
    /// Parses a semver version from tokens: three integers, then optional <c>-pre</c> and <c>+build</c>
    /// parts. A <c>.</c> not followed by a version part is left alone (it belongs to <c>use x@1.0.0.{…}</c>).
    /// </summary>
    private WitVersion ParseVersion()
    {
        var start = Expect(TokenKind.Integer);
        Expect(TokenKind.Period);
        Expect(TokenKind.Integer);
        Expect(TokenKind.Period);
        Expect(TokenKind.Integer);
        if (Eat(TokenKind.Minus))
        {
            EatVersionParts();
        }

        if (Eat(TokenKind.Plus))
        {
            EatVersionParts();
        }

        var span = SpanFrom(start);
        if (!WitVersionParser.TryParse(span.Text, out var version, out var error))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidVersion, span, $"invalid version `{span.Text}`: {error}");
            return new WitVersion(0, 0, 0);
        }

        return version;
    }

    private void EatVersionParts()
    {
        while (true)
        {
            if (Kind is TokenKind.Identifier or TokenKind.Integer or TokenKind.Minus || SyntaxFacts.IsKeyword(Kind))
            {
                Advance();
            }
            else if (Kind == TokenKind.Period && (PeekKind(1) is TokenKind.Identifier or TokenKind.Integer or TokenKind.Minus || SyntaxFacts.IsKeyword(PeekKind(1))))
            {
                Advance();
            }
            else
            {
                return;
            }
        }
    }
}
