namespace WitHost.Generator.Emitting;

/// <summary>Writes WIT doc comments as XML doc comments, with a plain fallback so every public member is documented.</summary>
internal static class DocCommentWriter
{
    public static void WriteSummary(SourceWriter writer, string? docs, string fallback)
        => WriteElement(writer, "<summary>", "</summary>", docs, fallback);

    public static void WriteParam(SourceWriter writer, string name, string? docs, string fallback)
        => WriteElement(writer, $"<param name=\"{name}\">", "</param>", docs, fallback);

    public static void WriteReturns(SourceWriter writer, string text)
        => writer.WriteLine("/// <returns>" + text + "</returns>");

    public static void WriteException(SourceWriter writer, string type, string text)
        => writer.WriteLine($"/// <exception cref=\"{type}\">{text}</exception>");

    /// <summary>The docs of a method that calls the guest's export <paramref name="witName"/>.</summary>
    public static void WriteGuestCall(SourceWriter writer, string? docs, string witName, IEnumerable<string> parameterNames, bool returnsValue)
    {
        WriteSummary(writer, docs, $"Calls the guest's <c>{Escape(witName)}</c>.");
        foreach (var name in parameterNames)
        {
            WriteParam(writer, name.TrimStart('@'), null, "The WIT parameter of that name.");
        }

        if (returnsValue)
        {
            WriteReturns(writer, "The guest's result.");
        }
    }

    /// <summary>WIT text for inside a <c>&lt;c&gt;</c> element or an attribute value.</summary>
    public static string Escape(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    /// <summary>One line when the text is one line, otherwise the text between the tags on lines of its own.</summary>
    private static void WriteElement(SourceWriter writer, string open, string close, string? docs, string fallback)
    {
        // The fallback is already XML (it may contain <c> elements); WIT docs are Markdown text.
        var lines = (docs is null || docs.Trim().Length == 0 ? fallback : DocMarkdown.ToXml(docs.Trim()))
            .Split('\n')
            .Select(line => line.TrimEnd('\r', ' ', '\t'))
            .ToList();
        if (lines.Count == 1)
        {
            writer.WriteLine("/// " + open + lines[0] + close);
            return;
        }

        writer.WriteLine("/// " + open);
        foreach (var line in lines)
        {
            writer.WriteLine(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.WriteLine("/// " + close);
    }
}
