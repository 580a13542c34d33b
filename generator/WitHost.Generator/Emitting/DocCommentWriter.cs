namespace WitHost.Generator.Emitting;

/// <summary>Writes WIT doc comments as XML doc comments, with a plain fallback so every public member is documented.</summary>
internal static class DocCommentWriter
{
    public static void WriteSummary(SourceWriter writer, string? docs, string fallback)
    {
        writer.WriteLine("/// <summary>");
        WriteText(writer, docs, fallback);
        writer.WriteLine("/// </summary>");
    }

    public static void WriteParam(SourceWriter writer, string name, string? docs, string fallback)
    {
        writer.WriteLine($"/// <param name=\"{name}\">");
        WriteText(writer, docs, fallback);
        writer.WriteLine("/// </param>");
    }

    /// <summary>WIT text for inside a <c>&lt;c&gt;</c> element or an attribute value.</summary>
    public static string Escape(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static void WriteText(SourceWriter writer, string? docs, string fallback)
    {
        // The fallback is already XML (it may contain <c> elements); WIT docs are plain text.
        var lines = docs is null || docs.Trim().Length == 0
            ? fallback.Split('\n')
            : Escape(docs.Trim()).Split('\n');
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd('\r', ' ', '\t');
            writer.WriteLine(trimmed.Length == 0 ? "///" : "/// " + trimmed);
        }
    }
}
