using System.Collections.Immutable;
using System.Globalization;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>
/// Reads the small WIT subset the ABI vectors use (record, variant, enum, flags and type-alias
/// declarations, type expressions and <c>func(…) -> T</c> types) into the resolved model, so the
/// ABI is tested on its own, independently of the WIT front end. Declarations may come in any
/// order; names resolve on first use.
/// </summary>
internal sealed class VectorWitReader
{
    private static readonly WitOwner Owner = new(WitOwnerKind.Interface, new WitPackageName("test", "vectors", null), "types", null);

    private readonly List<string> _declarationTokens;
    private readonly Dictionary<string, (string Keyword, int BodyStart)> _declarations = new();
    private readonly Dictionary<string, WitType> _resolved = new();

    private VectorWitReader(string declarations)
    {
        _declarationTokens = WitTokenCursor.Tokenize(declarations);
        var cursor = new WitTokenCursor(_declarationTokens);
        while (!cursor.AtEnd)
        {
            var keyword = cursor.Take();
            var name = cursor.Take();
            _declarations[name] = (keyword, cursor.Position);
            SkipBody(cursor, keyword);
        }
    }

    /// <summary>Reads the declarations of one interface body.</summary>
    public static VectorWitReader Read(string declarations) => new(declarations);

    /// <summary>The type a WIT type expression names.</summary>
    public WitType ParseType(string expression)
    {
        var cursor = new WitTokenCursor(WitTokenCursor.Tokenize(expression));
        var type = ParseType(cursor);
        cursor.ExpectEnd();
        return type;
    }

    /// <summary>The parameter types and result of a <c>func(…) -> T</c> type.</summary>
    public (ImmutableArray<WitType> Parameters, WitType? Result) ParseFunction(string expression)
    {
        var cursor = new WitTokenCursor(WitTokenCursor.Tokenize(expression));
        cursor.Expect("func");
        cursor.Expect("(");
        var parameters = ImmutableArray.CreateBuilder<WitType>();
        while (!cursor.TryTake(")"))
        {
            cursor.Take();
            cursor.Expect(":");
            parameters.Add(ParseType(cursor));
            cursor.TryTake(",");
        }

        WitType? result = cursor.TryTake("->") ? ParseType(cursor) : null;
        cursor.ExpectEnd();
        return (parameters.ToImmutable(), result);
    }

    private WitType ParseType(WitTokenCursor cursor)
    {
        var word = cursor.Take();
        switch (word)
        {
            case "bool": return WitPrimitiveType.Bool;
            case "s8": return WitPrimitiveType.S8;
            case "u8": return WitPrimitiveType.U8;
            case "s16": return WitPrimitiveType.S16;
            case "u16": return WitPrimitiveType.U16;
            case "s32": return WitPrimitiveType.S32;
            case "u32": return WitPrimitiveType.U32;
            case "s64": return WitPrimitiveType.S64;
            case "u64": return WitPrimitiveType.U64;
            case "f32": return WitPrimitiveType.F32;
            case "f64": return WitPrimitiveType.F64;
            case "char": return WitPrimitiveType.Char;
            case "string": return WitPrimitiveType.String;
            case "list":
                cursor.Expect("<");
                var element = ParseType(cursor);
                uint? length = cursor.TryTake(",") ? uint.Parse(cursor.Take(), CultureInfo.InvariantCulture) : null;
                cursor.Expect(">");
                return new WitListType(element, length);
            case "option":
                cursor.Expect("<");
                var payload = ParseType(cursor);
                cursor.Expect(">");
                return new WitOptionType(payload);
            case "result":
                if (!cursor.TryTake("<"))
                {
                    return new WitResultType(null, null);
                }

                var ok = cursor.TryTake("_") ? null : ParseType(cursor);
                var err = cursor.TryTake(",") ? ParseType(cursor) : null;
                cursor.Expect(">");
                return new WitResultType(ok, err);
            case "tuple":
                cursor.Expect("<");
                var elements = new List<WitType>();
                while (!cursor.TryTake(">"))
                {
                    elements.Add(ParseType(cursor));
                    cursor.TryTake(",");
                }

                return new WitTupleType(elements.ToEquatableArray());
            default:
                return Named(word);
        }
    }

    private WitType Named(string name)
    {
        if (_resolved.TryGetValue(name, out var type))
        {
            return type;
        }

        if (!_declarations.TryGetValue(name, out var declaration))
        {
            throw new FormatException($"Unknown type '{name}'.");
        }

        type = Declare(name, declaration.Keyword, new WitTokenCursor(_declarationTokens, declaration.BodyStart));
        _resolved[name] = type;
        return type;
    }

    private WitType Declare(string name, string keyword, WitTokenCursor cursor)
    {
        if (keyword == "type")
        {
            cursor.Expect("=");
            return new WitAliasType(name, Owner, null, WitStability.Unknown, ParseType(cursor), isUse: false);
        }

        cursor.Expect("{");
        var fields = new List<WitField>();
        var cases = new List<WitVariantCase>();
        var labels = new List<WitEnumCase>();
        while (!cursor.TryTake("}"))
        {
            var label = cursor.Take();
            switch (keyword)
            {
                case "record":
                    cursor.Expect(":");
                    fields.Add(new WitField(label, ParseType(cursor), null));
                    break;
                case "variant":
                    WitType? payload = null;
                    if (cursor.TryTake("("))
                    {
                        payload = ParseType(cursor);
                        cursor.Expect(")");
                    }

                    cases.Add(new WitVariantCase(label, payload, null));
                    break;
                default:
                    labels.Add(new WitEnumCase(label, null));
                    break;
            }

            cursor.TryTake(",");
        }

        return keyword switch
        {
            "record" => new WitRecordType(name, Owner, null, WitStability.Unknown, fields.ToEquatableArray()),
            "variant" => new WitVariantType(name, Owner, null, WitStability.Unknown, cases.ToEquatableArray()),
            "enum" => new WitEnumType(name, Owner, null, WitStability.Unknown, labels.ToEquatableArray()),
            "flags" => new WitFlagsType(name, Owner, null, WitStability.Unknown, labels.ToEquatableArray()),
            _ => throw new FormatException($"Unsupported declaration '{keyword}'."),
        };
    }

    private static void SkipBody(WitTokenCursor cursor, string keyword)
    {
        if (keyword == "type")
        {
            while (cursor.Take() != ";")
            {
            }

            return;
        }

        cursor.Expect("{");
        var depth = 1;
        while (depth > 0)
        {
            var token = cursor.Take();
            depth += token == "{" ? 1 : token == "}" ? -1 : 0;
        }
    }
}
