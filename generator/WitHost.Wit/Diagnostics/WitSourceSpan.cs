namespace WitHost.Wit.Diagnostics;

/// <summary>A range of source text: the file, 1-based line/column of both ends, and the character offsets.</summary>
/// <param name="Path">The file path as given to the resolver.</param>
/// <param name="Start">The 0-based character offset of the first character.</param>
/// <param name="Length">The number of characters covered (0 at end of file).</param>
/// <param name="Line">The 1-based line of the first character.</param>
/// <param name="Column">The 1-based column of the first character.</param>
/// <param name="EndLine">The 1-based line just after the last character.</param>
/// <param name="EndColumn">The 1-based column just after the last character.</param>
public sealed record WitSourceSpan(string Path, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}({Line},{Column})";
}
