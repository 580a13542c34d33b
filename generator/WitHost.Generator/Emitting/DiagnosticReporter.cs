using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WitHost.Generator.Model;

namespace WitHost.Generator.Emitting;

/// <summary>Turns <see cref="DiagnosticInfo"/> data back into Roslyn diagnostics at report time.</summary>
internal static class DiagnosticReporter
{
    /// <summary>
    /// Reports the generator's diagnostics, except the host-declaration checks that WitHost.Analyzers
    /// owns in a build (<see cref="AnalyzerReportedDiagnostics"/>): the generator still generates
    /// nothing for such a host, the analyzers say why, once, with code fixes.
    /// </summary>
    public static void Report(SourceProductionContext context, IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (!AnalyzerReportedDiagnostics.Contains(diagnostic.Id))
            {
                context.ReportDiagnostic(ToDiagnostic(diagnostic));
            }
        }
    }

    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = info.WitSeverity is { } severity
            ? DiagnosticDescriptors.ForWit(info.Id, severity)
            : DiagnosticDescriptors.Find(info.Id) ?? throw new InvalidOperationException("Unknown diagnostic " + info.Id);
        var arguments = info.MessageArguments.AsImmutableArray().Cast<object?>().ToArray();
        return Diagnostic.Create(descriptor, ToLocation(info.Location), arguments);
    }

    private static Location ToLocation(SourceLocationInfo? info)
    {
        if (info is null)
        {
            return Location.None;
        }

        var lines = new LinePositionSpan(
            new LinePosition(info.StartLine, info.StartColumn),
            new LinePosition(info.EndLine, info.EndColumn));
        return Location.Create(info.FilePath, new TextSpan(info.Start, info.Length), lines);
    }
}
