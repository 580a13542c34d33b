namespace WitHost.Wit.Syntax;

/// <summary>A range of characters inside one <see cref="SourceText"/>; AST nodes carry these.</summary>
/// <param name="Source">The file.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
internal readonly record struct TextSpan(SourceText Source, int Start, int Length)
{
    /// <summary>The public, line/column form.</summary>
    public Diagnostics.WitSourceSpan ToSourceSpan() => Source.Span(Start, Length);

    /// <summary>The covered text.</summary>
    public string Text => Source.Text.Substring(Start, Length);
}
