namespace WitHost.Wit.Diagnostics;

/// <summary>Collects diagnostics as the front end goes, so one error does not stop the search for others.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<WitDiagnostic> _items = new();
    private readonly HashSet<(string Code, string Path, int Start)> _seen = new();

    public int Count => _items.Count;

    public IReadOnlyList<WitDiagnostic> Items => _items;

    /// <summary>Records an error at <paramref name="span"/>. The same code at the same place is kept once,
    /// because shared declarations can be reached along several paths.</summary>
    public void Error(string code, Syntax.TextSpan span, string message)
        => Add(new WitDiagnostic(code, WitDiagnosticSeverity.Error, message, span.ToSourceSpan()));

    /// <summary>Records an error that has a location but no source file (e.g. an unreadable path).</summary>
    public void Error(string code, WitSourceSpan span, string message)
        => Add(new WitDiagnostic(code, WitDiagnosticSeverity.Error, message, span));

    public void Add(WitDiagnostic diagnostic)
    {
        if (_seen.Add((diagnostic.Code, diagnostic.Span.Path, diagnostic.Span.Start)))
        {
            _items.Add(diagnostic);
        }
    }
}
