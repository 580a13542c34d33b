using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// A C# <c>///</c> doc comment as the text of a WIT <c>///</c> doc
/// comment: Markdown, so <c>&lt;c&gt;</c>, <c>&lt;paramref&gt;</c> and <c>&lt;see&gt;</c> become
/// code spans and <c>&lt;code&gt;</c> a fenced block (the generated XML docs turn them back).
/// </summary>
/// <remarks>
/// Read from the syntax's leading trivia, not from <c>ISymbol.GetDocumentationCommentXml</c>:
/// without <c>GenerateDocumentationFile</c> the compiler does not parse doc comments, and the
/// symbol has none, while the <c>///</c> lines are still there as comments.
/// </remarks>
internal static class CSharpDocComment
{
    /// <summary>The summary of the doc comment on <paramref name="declaration"/>, or null when it has none.</summary>
    public static string? Summary(SyntaxNode? declaration)
        => Parse(declaration) is { } root && SummaryElement(root) is { } summary ? Markdown(summary) : null;

    /// <summary>
    /// The WIT doc text of a method: its summary, then its <c>&lt;param&gt;</c> texts as a list under
    /// the WIT parameter names and its <c>&lt;returns&gt;</c> text, since a WIT function has one doc
    /// comment for all of them. <paramref name="witParameterNames"/> maps a C# parameter name to
    /// its WIT name; a <c>&lt;param&gt;</c> naming no parameter is left out (the compiler warns, CS1572).
    /// </summary>
    public static string? FunctionDocs(SyntaxNode? declaration, IReadOnlyList<(string CSharpName, string WitName)> witParameterNames)
    {
        if (Parse(declaration) is not { } root)
        {
            return null;
        }

        var parts = new List<string>();
        if (SummaryElement(root) is { } summary && Markdown(summary) is { } summaryText)
        {
            parts.Add(summaryText);
        }

        var parameters = new List<string>();
        foreach (var (csharpName, witName) in witParameterNames)
        {
            var element = root.Elements("param").FirstOrDefault(param => (string?)param.Attribute("name") == csharpName);
            if (element is not null && Markdown(element) is { } text)
            {
                parameters.Add("- " + CodeSpan(witName) + ": " + text.Replace("\n", "\n  "));
            }
        }

        if (parameters.Count > 0)
        {
            parts.Add("Parameters:\n" + string.Join("\n", parameters));
        }

        if (root.Element("returns") is { } returns && Markdown(returns) is { } returnsText)
        {
            parts.Add("Returns: " + returnsText);
        }

        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    private static XElement? Parse(SyntaxNode? declaration)
    {
        if (declaration is null)
        {
            return null;
        }

        var lines = new List<string>();
        foreach (var trivia in declaration.GetLeadingTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
            {
                continue;
            }

            foreach (var line in trivia.ToFullString().Split('\n'))
            {
                var text = line.Trim();
                if (text.StartsWith("///", StringComparison.Ordinal) && !text.StartsWith("////", StringComparison.Ordinal))
                {
                    lines.Add(text.Substring(3));
                }
            }
        }

        if (lines.Count == 0)
        {
            return null;
        }

        try
        {
            return XElement.Parse("<doc>" + string.Join("\n", lines) + "</doc>", LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            // Not well-formed: the compiler warns about it (CS1570); there is no summary to take.
            return null;
        }
    }

    // Text without any element is the summary, as the compiler's tools read it.
    private static XElement? SummaryElement(XElement root)
        => root.Element("summary") ?? (root.HasElements ? null : root);

    private static string? Markdown(XElement element)
    {
        var markdown = new StringBuilder();
        AppendNodes(element, markdown);
        // One line per line of the comment, without the indentation XML docs carry; a run of
        // blank lines (around a <para>) is one paragraph break.
        var result = new List<string>();
        foreach (var line in markdown.ToString().Split('\n').Select(line => line.Trim()))
        {
            if (line.Length > 0 || (result.Count > 0 && result[result.Count - 1].Length > 0))
            {
                result.Add(line);
            }
        }

        while (result.Count > 0 && result[result.Count - 1].Length == 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result.Count == 0 ? null : string.Join("\n", result);
    }

    private static void AppendNodes(XElement element, StringBuilder markdown)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    markdown.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "c" } code:
                    markdown.Append(CodeSpan(code.Value));
                    break;
                case XElement { Name.LocalName: "code" } block:
                    markdown.Append("\n```\n").Append(block.Value.Trim()).Append("\n```\n");
                    break;
                case XElement { Name.LocalName: "para" } paragraph:
                    markdown.Append("\n\n");
                    AppendNodes(paragraph, markdown);
                    markdown.Append("\n\n");
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    markdown.Append(CodeSpan((string?)reference.Attribute("name") ?? ""));
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var target = (string?)see.Attribute("langword") ?? CrefName((string?)see.Attribute("cref") ?? (string?)see.Attribute("href") ?? "");
                    markdown.Append(see.Value.Length > 0 ? see.Value : CodeSpan(target));
                    break;
                case XElement other:
                    AppendNodes(other, markdown);
                    break;
            }
        }
    }

    // A cref may carry a kind prefix (T:, M:) once resolved; the reader wants the name.
    private static string CrefName(string cref)
        => cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;

    /// <summary>A Markdown code span around <paramref name="text"/>, with a longer fence when it contains backticks.</summary>
    private static string CodeSpan(string text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var fence = "`";
        while (text.Contains(fence))
        {
            fence += "`";
        }

        var padding = text.StartsWith("`", StringComparison.Ordinal) || text.EndsWith("`", StringComparison.Ordinal) ? " " : "";
        return fence + padding + text + padding + fence;
    }
}
