using WitHost.Generator;

namespace WitHost.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that code fixes read, on the
/// analyzers' diagnostics and on the generator's (the keys are the generator's <see cref="DiagnosticPropertyKeys"/>).
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>
    /// Prefix of the replacement texts for the diagnosed string literal: <c>Replacement0</c>,
    /// <c>Replacement1</c>, … best first. A code fix offers one action per replacement.
    /// </summary>
    public const string ReplacementPrefix = DiagnosticPropertyKeys.ReplacementPrefix;

    /// <summary>The key of the <paramref name="index"/>-th replacement.</summary>
    public static string Replacement(int index) => DiagnosticPropertyKeys.Replacement(index);
}
