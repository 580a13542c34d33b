namespace WitHost.Wit.Tests.TestSupport;

/// <summary>
/// WIT text with one <c>$$</c> marker where a diagnostic is expected. The marker is removed and its
/// line/column computed here, independently of the front end's own line table.
/// </summary>
internal sealed record MarkedSource(string Text, int Line, int Column)
{
    public const string Marker = "$$";

    public static MarkedSource Parse(string marked)
    {
        var index = marked.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(index >= 0, "test source has no $$ marker");
        Assert.True(marked.IndexOf(Marker, index + 1, StringComparison.Ordinal) < 0, "test source has more than one $$ marker");
        var before = marked.Substring(0, index);
        var line = before.Count(ch => ch == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return new MarkedSource(marked.Remove(index, Marker.Length), line, column);
    }
}
