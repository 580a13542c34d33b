namespace WitHost.Wamr.Values;

/// <summary>What a <see cref="WaveToken"/> is.</summary>
internal enum WaveTokenKind
{
    /// <summary>A kebab-case label or keyword written without <c>%</c>.</summary>
    Label,

    /// <summary>A label written with a <c>%</c> prefix: never a keyword.</summary>
    EscapedLabel,

    /// <summary>An optional <c>-</c> and decimal digits, with nothing number-like after them.</summary>
    Integer,

    /// <summary>Where an integer was asked for, no digits.</summary>
    NoDigits,

    /// <summary>Where an integer was asked for, digits followed by a fraction, an exponent or a suffix.</summary>
    NotWhole,

    /// <summary>A number in JSON syntax.</summary>
    Number,

    /// <summary><c>inf</c>.</summary>
    Infinity,

    /// <summary><c>-inf</c>.</summary>
    NegativeInfinity,

    /// <summary><c>nan</c>.</summary>
    NaN,

    /// <summary>A string literal, single-line or <c>"""</c> multiline; its text is the decoded value.</summary>
    String,

    /// <summary>A char literal; its text is the decoded scalar value.</summary>
    Char,
}
