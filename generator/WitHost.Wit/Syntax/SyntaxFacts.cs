namespace WitHost.Wit.Syntax;

/// <summary>Keyword table and the descriptions used in "expected X, found Y" messages.</summary>
internal static class SyntaxFacts
{
    private static readonly Dictionary<string, TokenKind> s_keywords = new(StringComparer.Ordinal)
    {
        ["use"] = TokenKind.Use,
        ["type"] = TokenKind.Type,
        ["func"] = TokenKind.Func,
        ["u8"] = TokenKind.U8,
        ["u16"] = TokenKind.U16,
        ["u32"] = TokenKind.U32,
        ["u64"] = TokenKind.U64,
        ["s8"] = TokenKind.S8,
        ["s16"] = TokenKind.S16,
        ["s32"] = TokenKind.S32,
        ["s64"] = TokenKind.S64,
        ["f32"] = TokenKind.F32,
        ["f64"] = TokenKind.F64,
        ["char"] = TokenKind.Char,
        ["record"] = TokenKind.Record,
        ["resource"] = TokenKind.Resource,
        ["own"] = TokenKind.Own,
        ["borrow"] = TokenKind.Borrow,
        ["flags"] = TokenKind.Flags,
        ["variant"] = TokenKind.Variant,
        ["enum"] = TokenKind.Enum,
        ["bool"] = TokenKind.Bool,
        ["string"] = TokenKind.String,
        ["option"] = TokenKind.Option,
        ["result"] = TokenKind.Result,
        ["future"] = TokenKind.Future,
        ["stream"] = TokenKind.Stream,
        ["error-context"] = TokenKind.ErrorContext,
        ["list"] = TokenKind.List,
        ["map"] = TokenKind.Map,
        ["_"] = TokenKind.Underscore,
        ["as"] = TokenKind.As,
        ["from"] = TokenKind.From,
        ["static"] = TokenKind.Static,
        ["interface"] = TokenKind.Interface,
        ["tuple"] = TokenKind.Tuple,
        ["import"] = TokenKind.Import,
        ["export"] = TokenKind.Export,
        ["world"] = TokenKind.World,
        ["package"] = TokenKind.Package,
        ["constructor"] = TokenKind.Constructor,
        ["async"] = TokenKind.Async,
        ["include"] = TokenKind.Include,
        ["with"] = TokenKind.With,
    };

    private static readonly Dictionary<TokenKind, string> s_spellings = s_keywords.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>The keyword spelled <paramref name="text"/>, or <see cref="TokenKind.Identifier"/>.</summary>
    public static TokenKind KeywordOrIdentifier(string text)
        => s_keywords.TryGetValue(text, out var kind) ? kind : TokenKind.Identifier;

    /// <summary>True for tokens that are keywords.</summary>
    public static bool IsKeyword(TokenKind kind) => s_spellings.ContainsKey(kind);

    /// <summary>How a token kind reads in a message: <c>keyword `use`</c>, <c>';'</c>, <c>an identifier</c>.</summary>
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Identifier => "an identifier",
        TokenKind.ExplicitIdentifier => "a '%' identifier",
        TokenKind.Integer => "an integer",
        TokenKind.StringLiteral => "a string literal",
        TokenKind.Equals => "'='",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Period => "'.'",
        TokenKind.Semicolon => "';'",
        TokenKind.LeftParen => "'('",
        TokenKind.RightParen => "')'",
        TokenKind.LeftBrace => "'{'",
        TokenKind.RightBrace => "'}'",
        TokenKind.LessThan => "'<'",
        TokenKind.GreaterThan => "'>'",
        TokenKind.Arrow => "'->'",
        TokenKind.Star => "'*'",
        TokenKind.At => "'@'",
        TokenKind.Slash => "'/'",
        TokenKind.Plus => "'+'",
        TokenKind.Minus => "'-'",
        _ => "keyword `" + s_spellings[kind] + "`",
    };
}
