namespace WitHost.Wit.Syntax;

/// <summary>Turns the raw doc comments before an item into its doc text.</summary>
internal static class DocCommentText
{
    /// <summary>
    /// Strips <c>///</c> and <c>/** */</c> markers, removes the indentation common to all non-empty
    /// lines (so intentional extra indentation survives) and joins the lines with <c>\n</c>.
    /// </summary>
    public static string? Normalize(IReadOnlyList<string> comments)
    {
        var lines = new List<string>();
        foreach (var comment in comments)
        {
            var body = comment.StartsWith("/**", StringComparison.Ordinal)
                ? comment.Substring(3, comment.Length - 5)
                : comment.Substring(3);
            foreach (var line in body.Replace("\r\n", "\n").Split('\n'))
            {
                lines.Add(line.TrimEnd());
            }
        }

        var indent = int.MaxValue;
        foreach (var line in lines)
        {
            if (line.Length > 0)
            {
                indent = Math.Min(indent, line.Length - line.TrimStart().Length);
            }
        }

        if (indent == int.MaxValue)
        {
            indent = 0;
        }

        var trimmed = lines.Select(line => line.Length >= indent ? line.Substring(indent) : line);
        var text = string.Join("\n", trimmed).TrimEnd('\n');
        return text.Length == 0 && comments.Count == 0 ? null : text;
    }
}
