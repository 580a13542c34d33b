using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Syntax;

// Type expressions.
internal sealed partial class Parser
{
    private TypeSyntax ParseType(int depth)
    {
        var start = Current;
        if (depth >= MaxTypeDepth)
        {
            _diagnostics.Error(DiagnosticCodes.TypeNestingTooDeep, Span(start), $"type nesting too deep (more than {MaxTypeDepth} levels)");
            throw new ParseException();
        }

        if (PrimitiveKind(Kind) is { } primitive)
        {
            Advance();
            return new PrimitiveTypeSyntax(primitive, Span(start));
        }

        switch (Kind)
        {
            case TokenKind.Identifier:
            case TokenKind.ExplicitIdentifier:
                return new NamedTypeSyntax(ParseIdentifier());

            case TokenKind.ErrorContext:
                Advance();
                return new ErrorContextTypeSyntax(Span(start));

            case TokenKind.List:
            {
                Advance();
                Expect(TokenKind.LessThan);
                var element = ParseType(depth + 1);
                uint? length = null;
                if (Eat(TokenKind.Comma))
                {
                    length = ParseListLength();
                }

                Expect(TokenKind.GreaterThan);
                return new ListTypeSyntax(element, length, SpanFrom(start));
            }

            case TokenKind.Option:
            {
                Advance();
                Expect(TokenKind.LessThan);
                var payload = ParseType(depth + 1);
                Expect(TokenKind.GreaterThan);
                return new OptionTypeSyntax(payload, SpanFrom(start));
            }

            case TokenKind.Tuple:
            {
                Advance();
                Expect(TokenKind.LessThan);
                var elements = new List<TypeSyntax>();
                while (!Eat(TokenKind.GreaterThan))
                {
                    elements.Add(ParseType(depth + 1));
                    if (!Eat(TokenKind.Comma))
                    {
                        Expect(TokenKind.GreaterThan);
                        break;
                    }
                }

                return new TupleTypeSyntax(elements, SpanFrom(start));
            }

            case TokenKind.Result:
            {
                Advance();
                TypeSyntax? ok = null;
                TypeSyntax? err = null;
                if (Eat(TokenKind.LessThan))
                {
                    if (!Eat(TokenKind.Underscore))
                    {
                        ok = ParseType(depth + 1);
                        if (Eat(TokenKind.Comma))
                        {
                            err = ParseType(depth + 1);
                        }
                    }
                    else
                    {
                        Expect(TokenKind.Comma);
                        err = ParseType(depth + 1);
                    }

                    Expect(TokenKind.GreaterThan);
                }

                return new ResultTypeSyntax(ok, err, SpanFrom(start));
            }

            case TokenKind.Map:
            {
                Advance();
                Expect(TokenKind.LessThan);
                var key = ParseType(depth + 1);
                Expect(TokenKind.Comma);
                var value = ParseType(depth + 1);
                Expect(TokenKind.GreaterThan);
                if (key is not PrimitiveTypeSyntax { Kind: not (WitPrimitiveKind.F32 or WitPrimitiveKind.F64) })
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidMapKey, key.Span,
                        "invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char or string");
                }

                return new MapTypeSyntax(key, value, SpanFrom(start));
            }

            case TokenKind.Own:
            case TokenKind.Borrow:
            {
                var kind = Advance().Kind == TokenKind.Own ? WitHandleKind.Own : WitHandleKind.Borrow;
                Expect(TokenKind.LessThan);
                var resource = ParseIdentifier();
                Expect(TokenKind.GreaterThan);
                return new HandleTypeSyntax(kind, resource, SpanFrom(start));
            }

            case TokenKind.Future:
            case TokenKind.Stream:
            {
                var isFuture = Advance().Kind == TokenKind.Future;
                TypeSyntax? payload = null;
                if (Eat(TokenKind.LessThan))
                {
                    payload = ParseType(depth + 1);
                    Expect(TokenKind.GreaterThan);
                }

                return isFuture ? new FutureTypeSyntax(payload, SpanFrom(start)) : new StreamTypeSyntax(payload, SpanFrom(start));
            }

            default:
                throw Unexpected("a type");
        }
    }

    private uint ParseListLength()
    {
        if (Kind != TokenKind.Integer)
        {
            throw Unexpected("a fixed length");
        }

        var token = Advance();
        var text = _source.Text.Substring(token.Start, token.Length);
        if (!uint.TryParse(text, out var length) || length == 0)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidListLength, Span(token),
                $"invalid list length `{text}`: a fixed length must be between 1 and {uint.MaxValue}");
            return 1;
        }

        return length;
    }

    private static WitPrimitiveKind? PrimitiveKind(TokenKind kind) => kind switch
    {
        TokenKind.Bool => WitPrimitiveKind.Bool,
        TokenKind.S8 => WitPrimitiveKind.S8,
        TokenKind.U8 => WitPrimitiveKind.U8,
        TokenKind.S16 => WitPrimitiveKind.S16,
        TokenKind.U16 => WitPrimitiveKind.U16,
        TokenKind.S32 => WitPrimitiveKind.S32,
        TokenKind.U32 => WitPrimitiveKind.U32,
        TokenKind.S64 => WitPrimitiveKind.S64,
        TokenKind.U64 => WitPrimitiveKind.U64,
        TokenKind.F32 => WitPrimitiveKind.F32,
        TokenKind.F64 => WitPrimitiveKind.F64,
        TokenKind.Char => WitPrimitiveKind.Char,
        TokenKind.String => WitPrimitiveKind.String,
        _ => null,
    };
}
