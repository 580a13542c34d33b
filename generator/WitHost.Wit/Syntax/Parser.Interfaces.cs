using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Syntax;

// Interface bodies: use, type definitions, functions, resources.
internal sealed partial class Parser
{
    private List<InterfaceMemberSyntax> ParseInterfaceBody()
    {
        Expect(TokenKind.LeftBrace);
        return ParseMembersUntilRightBrace(ParseInterfaceMember);
    }

    private InterfaceMemberSyntax ParseInterfaceMember(string? docs, IReadOnlyList<AttributeSyntax> attributes)
    {
        if (Kind == TokenKind.Use)
        {
            return ParseUse() with { Docs = docs, Attributes = attributes };
        }

        if (TryParseTypeDefinition(docs, attributes) is { } type)
        {
            return type;
        }

        if (AtIdentifier)
        {
            var name = ParseIdentifier();
            Expect(TokenKind.Colon);
            var function = ParseFunctionType();
            Expect(TokenKind.Semicolon);
            return new FunctionSyntax(name, function) { Docs = docs, Attributes = attributes };
        }

        throw Unexpected("`use`, a type definition or a function");
    }

    private UseSyntax ParseUse()
    {
        var start = Expect(TokenKind.Use);
        var path = ParseUsePath();
        Expect(TokenKind.Period);
        Expect(TokenKind.LeftBrace);
        var names = new List<UseNameSyntax>();
        while (!Eat(TokenKind.RightBrace))
        {
            var name = ParseIdentifier();
            IdentifierSyntax? alias = null;
            if (Eat(TokenKind.As))
            {
                alias = ParseIdentifier();
            }

            names.Add(new UseNameSyntax(name, alias));
            if (!Eat(TokenKind.Comma))
            {
                Expect(TokenKind.RightBrace);
                break;
            }
        }

        Expect(TokenKind.Semicolon);
        return new UseSyntax(path, names, SpanFrom(start));
    }

    private TypeDefinitionSyntax? TryParseTypeDefinition(string? docs, IReadOnlyList<AttributeSyntax> attributes)
    {
        TypeDefinitionSyntax? type;
        var start = Current;
        switch (Kind)
        {
            case TokenKind.Type:
            {
                Advance();
                var name = ParseIdentifier();
                Expect(TokenKind.Equals);
                var target = ParseType(0);
                Expect(TokenKind.Semicolon);
                type = new TypeAliasSyntax(name, target, SpanFrom(start));
                break;
            }

            case TokenKind.Record:
            {
                Advance();
                var name = ParseIdentifier();
                var fields = ParseBraceList(() =>
                {
                    var fieldDocs = Current.Docs;
                    var fieldName = ParseIdentifier();
                    Expect(TokenKind.Colon);
                    return new FieldSyntax(fieldName, ParseType(0), fieldDocs);
                });
                type = new RecordSyntax(name, fields, SpanFrom(start));
                break;
            }

            case TokenKind.Variant:
            {
                Advance();
                var name = ParseIdentifier();
                var cases = ParseBraceList(() =>
                {
                    var caseDocs = Current.Docs;
                    var caseName = ParseIdentifier();
                    TypeSyntax? payload = null;
                    if (Eat(TokenKind.LeftParen))
                    {
                        payload = ParseType(0);
                        Expect(TokenKind.RightParen);
                    }

                    return new CaseSyntax(caseName, payload, caseDocs);
                });
                type = new VariantSyntax(name, cases, SpanFrom(start));
                break;
            }

            case TokenKind.Enum:
            case TokenKind.Flags:
            {
                var isEnum = Advance().Kind == TokenKind.Enum;
                var name = ParseIdentifier();
                var cases = ParseBraceList(() =>
                {
                    var caseDocs = Current.Docs;
                    return new CaseSyntax(ParseIdentifier(), null, caseDocs);
                });
                type = isEnum ? new EnumSyntax(name, cases, SpanFrom(start)) : new FlagsSyntax(name, cases, SpanFrom(start));
                break;
            }

            case TokenKind.Resource:
            {
                Advance();
                var name = ParseIdentifier();
                var functions = new List<ResourceFunctionSyntax>();
                if (!Eat(TokenKind.Semicolon))
                {
                    Expect(TokenKind.LeftBrace);
                    while (!Eat(TokenKind.RightBrace))
                    {
                        var memberStart = _index;
                        try
                        {
                            functions.Add(ParseResourceFunction());
                        }
                        catch (ParseException)
                        {
                            Recover(memberStart);
                            if (Kind == TokenKind.EndOfFile)
                            {
                                throw;
                            }
                        }
                    }

                    Eat(TokenKind.Semicolon);
                }

                type = new ResourceSyntax(name, functions, SpanFrom(start));
                break;
            }

            default:
                return null;
        }

        return type with { Docs = docs, Attributes = attributes };
    }

    private ResourceFunctionSyntax ParseResourceFunction()
    {
        var (docs, attributes) = ParseDocsAndAttributes();
        if (Kind == TokenKind.Async && PeekKind(1) == TokenKind.Constructor)
        {
            // The Component Model has no async constructors (a constructor hands back its handle
            // at once; wasm-tools refuses `[constructor]r` typed `async`): said so, and parsed on
            // as the constructor it would be.
            _diagnostics.Error(DiagnosticCodes.UnexpectedToken, Span(Advance()), "a constructor cannot be async: the Component Model has no async constructors; make it a `static async func` returning the resource instead");
        }

        if (Kind == TokenKind.Constructor)
        {
            var token = Advance();
            var constructorName = new IdentifierSyntax("constructor", Span(token));
            var parameters = ParseParameters();
            TypeSyntax? result = null;
            if (Eat(TokenKind.Arrow))
            {
                result = ParseType(0);
            }

            Expect(TokenKind.Semicolon);
            var function = new FunctionTypeSyntax(false, parameters, result, SpanFrom(token));
            return new ResourceFunctionSyntax(WitFunctionKind.Constructor, constructorName, function) { Docs = docs, Attributes = attributes };
        }

        if (!AtIdentifier)
        {
            throw Unexpected("`constructor` or an identifier");
        }

        var name = ParseIdentifier();
        Expect(TokenKind.Colon);
        var kind = Eat(TokenKind.Static) ? WitFunctionKind.Static : WitFunctionKind.Method;
        var signature = ParseFunctionType();
        Expect(TokenKind.Semicolon);
        return new ResourceFunctionSyntax(kind, name, signature) { Docs = docs, Attributes = attributes };
    }

    private FunctionTypeSyntax ParseFunctionType()
    {
        var start = Current;
        var isAsync = Eat(TokenKind.Async);
        Expect(TokenKind.Func);
        var parameters = ParseParameters();
        TypeSyntax? result = null;
        if (Eat(TokenKind.Arrow))
        {
            result = ParseType(0);
        }

        return new FunctionTypeSyntax(isAsync, parameters, result, SpanFrom(start));
    }

    private List<FieldSyntax> ParseParameters()
    {
        Expect(TokenKind.LeftParen);
        var parameters = new List<FieldSyntax>();
        while (!Eat(TokenKind.RightParen))
        {
            var name = ParseIdentifier();
            Expect(TokenKind.Colon);
            parameters.Add(new FieldSyntax(name, ParseType(0), null));
            if (!Eat(TokenKind.Comma))
            {
                Expect(TokenKind.RightParen);
                break;
            }
        }

        return parameters;
    }

    /// <summary>Parses <c>{ item, item, … }</c> with an optional trailing comma.</summary>
    private List<T> ParseBraceList<T>(Func<T> parseItem)
    {
        Expect(TokenKind.LeftBrace);
        var items = new List<T>();
        while (!Eat(TokenKind.RightBrace))
        {
            items.Add(parseItem());
            if (!Eat(TokenKind.Comma))
            {
                Expect(TokenKind.RightBrace);
                break;
            }
        }

        return items;
    }
}
