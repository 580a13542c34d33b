using Microsoft.CodeAnalysis;

namespace WitHost.Analyzers;

/// <summary>The analyzers' diagnostics, documented in docs/diagnostics.md ("Analyzers").</summary>
internal static class Descriptors
{
    private const string Category = "WitHost";

    // The anchor of each id on the diagnostics page (GitHub lowercases heading ids).
    private const string HelpPage = "https://github.com/withost/withost/blob/main/docs/diagnostics.md#";

    public static DiagnosticDescriptor HostTypeNotPartial { get; } = Create(
        DiagnosticIds.HostTypeNotPartial,
        "The [WitHost] type must be partial",
        "The type '{0}' has [WitHost] but is not partial, so the generator cannot add to it",
        DiagnosticSeverity.Error);

    public static DiagnosticDescriptor HostTypeNested { get; } = Create(
        DiagnosticIds.HostTypeNested,
        "The [WitHost] type must not be nested",
        "The type '{0}' has [WitHost] but is nested in another type; declare it at namespace level",
        DiagnosticSeverity.Error);

    public static DiagnosticDescriptor WitPathNotInAdditionalFiles { get; } = Create(
        DiagnosticIds.WitPathNotInAdditionalFiles,
        "The WIT file or directory is not an AdditionalFile",
        "No .wit file or directory '{0}' is among the AdditionalFiles (looked for {1}); add {2} to the project file",
        DiagnosticSeverity.Error);

    public static DiagnosticDescriptor WorldNotFound { get; } = Create(
        DiagnosticIds.WorldNotFound,
        "The world is not defined",
        "The package '{1}' has no world '{0}' (its worlds: {2}){3}",
        DiagnosticSeverity.Error);

    public static DiagnosticDescriptor WorldNotSpecified { get; } = Create(
        DiagnosticIds.WorldNotSpecified,
        "Which world to use is ambiguous",
        "The package '{0}' has {1} worlds ({2}); name one with [WitHost(\"…\", World = \"name\")]",
        DiagnosticSeverity.Error);

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
        "The import '{0}' of '{1}' is set to null; the first call of the guest into it will fail",
        DiagnosticSeverity.Warning);

    public static DiagnosticDescriptor ResourceUsedAfterDispose { get; } = Create(
        DiagnosticIds.ResourceUsedAfterDispose,
        "A resource handle is used after Dispose",
        "'{0}' is used after it was disposed; the guest has dropped the resource",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpPage + id.ToLowerInvariant());
}
