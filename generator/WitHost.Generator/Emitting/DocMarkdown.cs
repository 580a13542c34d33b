using System.Text;

namespace WitHost.Generator.Emitting;

/// <summary>
/// Turns the Markdown code of a WIT doc comment into XML doc elements: a code span
/// (<c>`name`</c>, <c>``a ` b``</c>) becomes <c>&lt;c&gt;</c>, a fenced block (a line of
/// <c>```</c> up to the next such line) becomes <c>&lt;code&gt;</c>. Everything else is text
/// and is XML-escaped, so a backtick without a partner and a fence that is never closed stay
/// literal, as Markdown renders them.
/// </summary>
internal static class DocMarkdown
{
    private const string Fence = "```";

    public static string ToXml(string docs)
    {
        var lines = docs.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var output = new StringBuilder();
        var paragraph = new List<string>();
        for (var index = 0; index < lines.Count; index++)
        {
            var closing = IsFence(lines[index]) ? FindClosingFence(lines, index) : -1;
            if (closing < 0)
            {
                // Code spans do not cross paragraphs (CommonMark): a blank line ends one.
                if (lines[index].Trim().Length == 0)
                {
                    FlushParagraph(paragraph, output);
                    AppendLine(output, string.Empty);
                }
                else
                {
                    paragraph.Add(lines[index]);
                }

                continue;
            }

            FlushParagraph(paragraph, output);
            AppendLine(output, "<code>");
            for (var inner = index + 1; inner < closing; inner++)
            {
                AppendLine(output, DocCommentWriter.Escape(lines[inner]));
            }

            AppendLine(output, "</code>");
            index = closing;
        }

        FlushParagraph(paragraph, output);
        return output.ToString();
    }

    private static bool IsFence(string line)
        => line.TrimStart().StartsWith(Fence, StringComparison.Ordinal);

    private static int FindClosingFence(List<string> lines, int opening)
    {
        for (var index = opening + 1; index < lines.Count; index++)
        {
            if (lines[index].Trim() == Fence)
            {
                return index;
            }
        }

        return -1;
    }

    private static void FlushParagraph(List<string> paragraph, StringBuilder output)
    {
        if (paragraph.Count == 0)
        {
            return;
        }

        AppendLine(output, ConvertCodeSpans(string.Join("\n", paragraph)));
        paragraph.Clear();
    }

    private static void AppendLine(StringBuilder output, string text)
    {
        if (output.Length > 0)
        {
            output.Append('\n');
        }

        output.Append(text);
    }

    /// <summary>
    /// A run of n backticks opens a span that the next run of exactly n backticks closes
    /// (CommonMark's rule); a run with no such partner is literal text.
    /// </summary>
    private static string ConvertCodeSpans(string text)
    {
        var output = new StringBuilder();
        var position = 0;
        var literalStart = 0;
        while (position < text.Length)
        {
            if (text[position] != '`')
            {
                position++;
                continue;
            }

            var runLength = RunLength(text, position);
            var closing = FindRun(text, position + runLength, runLength);
            if (closing < 0)
            {
                position += runLength;
                continue;
            }

            output.Append(DocCommentWriter.Escape(text.Substring(literalStart, position - literalStart)));
            var content = text.Substring(position + runLength, closing - position - runLength);
            output.Append("<c>").Append(DocCommentWriter.Escape(TrimOneSpace(content))).Append("</c>");
            position = closing + runLength;
            literalStart = position;
        }

        output.Append(DocCommentWriter.Escape(text.Substring(literalStart)));
        return output.ToString();
    }

    private static int RunLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '`')
        {
            end++;
        }

        return end - start;
    }

    private static int FindRun(string text, int start, int length)
    {
        var position = start;
        while (position < text.Length)
        {
            if (text[position] != '`')
            {
                position++;
                continue;
            }

            var runLength = RunLength(text, position);
            if (runLength == length)
            {
                return position;
            }

            position += runLength;
        }

        return -1;
    }

    /// <summary>Markdown drops one space on each side so that <c>`` `x` ``</c> can show backticks at its ends.</summary>
    private static string TrimOneSpace(string content)
        => content.Length >= 2 && content[0] == ' ' && content[content.Length - 1] == ' ' && content.Trim().Length > 0
            ? content.Substring(1, content.Length - 2)
            : content;
}
