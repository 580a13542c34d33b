namespace WitHost.Generator;

/// <summary>
/// The checks of a <c>[WitHost]</c> declaration that WitHost.Analyzers reports in a build, under the
/// same ids (docs/diagnostics.md, "Analyzers"). The generator still detects them, because it must
/// not generate a host it cannot bind, and <c>wit-host generate</c> still prints them, but a
/// compilation hears of each problem once: from the analyzer, which has the code fixes.
/// </summary>
internal static class AnalyzerReportedDiagnostics
{
    public static bool Contains(string id)
        => id == DiagnosticDescriptors.HostClassNotPartial.Id
            || id == DiagnosticDescriptors.HostClassNested.Id
            || id == DiagnosticDescriptors.WitPathNotFound.Id
            || id == DiagnosticDescriptors.WorldNotFound.Id
            || id == DiagnosticDescriptors.WorldNotSpecified.Id;
}
