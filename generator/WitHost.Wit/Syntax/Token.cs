namespace WitHost.Wit.Syntax;

/// <summary>A token: its kind, where it is, and the doc comments written just before it.</summary>
/// <param name="Kind">The token kind.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Docs">The doc comment text immediately preceding the token, or null.</param>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string? Docs)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;
}
