using System.Text;

namespace WitHost.Wit.Syntax;

/// <summary>Turns the raw doc comments before an item into its doc text.</summary>
internal static class DocCommentText
{
    /// <summary>
    /// Strips <c>///</c> and <c>/** */</c> markers, removes the indentation common to all non-empty
    /// lines (so intentional extra indentation survives) and joins the lines with <c>\n</c>.
    /// </summary>
    public static string Normalize(IReadOnlyList<string> comments)
    {
        // Lines are kept as (comment, start, length) slices so nothing is copied until the end;
        // WASI-sized inputs carry thousands of doc lines.
        var lines = new List<(string Text, int Start, int Length)>();
        foreach (var comment in comments)
        {
            var isBlock = comment.StartsWith("/**", StringComparison.Ordinal);
            var start = 3;
            var end = isBlock ? comment.Length - 2 : comment.Length;
            var lineStart = start;
            for (var i = start; i <= end; i++)
            {
                if (i == end || comment[i] == '\n')
                {
                    var lineEnd = i;
                    while (lineEnd > lineStart && char.IsWhiteSpace(comment[lineEnd - 1]))
                    {
                        lineEnd--;
                    }

                    lines.Add((comment, lineStart, lineEnd - lineStart));
                    lineStart = i + 1;
                }
            }
        }

        var indent = int.MaxValue;
        foreach (var (text, start, length) in lines)
        {
            var leading = 0;
            while (leading < length && char.IsWhiteSpace(text[start + leading]))
            {
                leading++;
            }

            if (length > 0)
            {
                indent = Math.Min(indent, leading);
            }
        }

        if (indent == int.MaxValue)
        {
            indent = 0;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var (text, start, length) = lines[i];
            if (i > 0)
            {
                builder.Append('\n');
            }

            if (length > indent)
            {
                builder.Append(text, start + indent, length - indent);
            }
        }

        // Trailing empty lines are dropped.
        var result = builder.ToString();
        return result.TrimEnd('\n');
    }
}
