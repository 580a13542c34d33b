using Microsoft.CodeAnalysis;
using WitHost.Generator.Model;
using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>Turns Roslyn locations and WIT diagnostics into <see cref="DiagnosticInfo"/> data.</summary>
internal static class DiagnosticInfoFactory
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceLocationInfo? location, params string[] arguments)
        => new(descriptor.Id, arguments.ToEquatableArray(), location);

    /// <summary>A WIT front-end diagnostic, located in its .wit file.</summary>
    public static DiagnosticInfo FromWit(WitDiagnostic diagnostic)
        => new(diagnostic.Code, EquatableArray.Create(diagnostic.Message), FromWitSpan(diagnostic.Span), diagnostic.Severity);

    /// <summary>A function's place in its .wit file, or <paramref name="fallback"/> when it was not read from text.</summary>
    public static SourceLocationInfo LocationOf(WitFunction function, SourceLocationInfo fallback)
        => function.Span is { } span ? FromWitSpan(span) : fallback;

    /// <summary>A type's place in its .wit file, or <paramref name="fallback"/> when it was not read from text.</summary>
    public static SourceLocationInfo LocationOf(WitNamedType type, SourceLocationInfo fallback)
        => type.Span is { } span ? FromWitSpan(span) : fallback;

    private static SourceLocationInfo FromWitSpan(WitSourceSpan span)
    {
        // WitSourceSpan counts lines and columns from 1; Roslyn's LinePosition from 0.
        return new SourceLocationInfo(
            span.Path,
            span.Start,
            span.Length,
            Math.Max(span.Line - 1, 0),
            Math.Max(span.Column - 1, 0),
            Math.Max(span.EndLine - 1, 0),
            Math.Max(span.EndColumn - 1, 0));
    }

    /// <summary>The data of a Roslyn source location.</summary>
    public static SourceLocationInfo FromLocation(Location location)
    {
        var lines = location.GetLineSpan();
        return new SourceLocationInfo(
            lines.Path ?? "",
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            lines.StartLinePosition.Line,
            lines.StartLinePosition.Character,
            lines.EndLinePosition.Line,
            lines.EndLinePosition.Character);
    }
}
