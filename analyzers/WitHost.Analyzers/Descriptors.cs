using Microsoft.CodeAnalysis;

namespace WitHost.Analyzers;

/// <summary>The analyzers' diagnostics, documented in docs/diagnostics.md ("Analyzers").</summary>
internal static class Descriptors
{
    private const string Category = "WitHost";

    // The anchor of each id on the diagnostics page (GitHub lowercases heading ids).
    private const string HelpPage = "https://github.com/withost/withost/blob/main/docs/diagnostics.md#";

    public static DiagnosticDescriptor InvalidWitName { get; } = Create(
        DiagnosticIds.InvalidWitName,
        "The WIT name is not valid kebab-case",
        "'{0}' is not a valid WIT name: {1}{2}",
        DiagnosticSeverity.Error);

    public static DiagnosticDescriptor InterfaceNotFound { get; } = Create(
        DiagnosticIds.InterfaceNotFound,
        "The interface is not defined in its package",
        "The package '{1}' has no interface '{0}' (its interfaces: {2}){3}",
        DiagnosticSeverity.Error);

    public static DiagnosticDescriptor ImportWithoutImplementation { get; } = Create(
        DiagnosticIds.ImportWithoutImplementation,
        "An import is given no implementation",
        "The import '{0}' of '{1}' is set to null; Instantiate will refuse it",
        DiagnosticSeverity.Warning);

    public static DiagnosticDescriptor ResourceUsedAfterDispose { get; } = Create(
        DiagnosticIds.ResourceUsedAfterDispose,
        "A resource handle is used after Dispose",
        "'{0}' is used after it was disposed; the guest has dropped the resource",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpPage + id.ToLowerInvariant());
}
