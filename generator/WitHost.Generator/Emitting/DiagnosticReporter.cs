using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Emitting;

/// <summary>Turns <see cref="DiagnosticInfo"/> data back into Roslyn diagnostics at report time.</summary>
internal static class DiagnosticReporter
{
    public static void Report(SourceProductionContext context, IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }
    }

    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = info.WitSeverity is { } severity
            ? DiagnosticDescriptors.ForWit(info.Id, severity)
            : DiagnosticDescriptors.Find(info.Id) ?? throw new InvalidOperationException("Unknown diagnostic " + info.Id);
        var arguments = info.MessageArguments.AsImmutableArray().Cast<object?>().ToArray();
        return Diagnostic.Create(
            descriptor,
            ToLocation(info.Location),
            info.AdditionalLocations.AsImmutableArray().Select(ToLocation),
            Properties(info.Replacements),
            arguments);
    }

    private static ImmutableDictionary<string, string?>? Properties(EquatableArray<string> replacements)
    {
        if (replacements.IsEmpty)
        {
            return null;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i < replacements.Count; i++)
        {
            builder.Add(DiagnosticPropertyKeys.Replacement(i), replacements[i]);
        }

        return builder.ToImmutable();
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
