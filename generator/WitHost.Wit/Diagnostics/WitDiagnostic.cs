namespace WitHost.Wit.Diagnostics;

/// <summary>A problem found in WIT source, as data.</summary>
/// <param name="Code">A stable code, <c>WITnnnn</c> (see docs/diagnostics.md).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">A plain-language message.</param>
/// <param name="Span">The offending text.</param>
public sealed record WitDiagnostic(string Code, WitDiagnosticSeverity Severity, string Message, WitSourceSpan Span)
{
    /// <summary>The MSBuild-style line: <c>path(line,col): error WITnnnn: message</c>.</summary>
    public override string ToString()
        => $"{Span.Path}({Span.Line},{Span.Column}): {(Severity == WitDiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}
