using WitHost.Wit.Diagnostics;

namespace WitHost.Wit.Syntax;

/// <summary>The text of one WIT file and a line table for turning offsets into line/column.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    /// <summary>The path reported in diagnostics.</summary>
    public string Path { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The span covering <paramref name="length"/> characters from <paramref name="start"/>.</summary>
    public WitSourceSpan Span(int start, int length)
    {
        start = Math.Max(0, Math.Min(start, Text.Length));
        length = Math.Max(0, Math.Min(length, Text.Length - start));
        var (line, column) = Position(start);
        var (endLine, endColumn) = Position(start + length);
        return new WitSourceSpan(Path, start, length, line, column, endLine, endColumn);
    }

    private (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }
}
