namespace WitHost.Generator;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the code fixes of
/// WitHost.Analyzers.CodeFixes read from the generator's diagnostics.
/// </summary>
internal static class DiagnosticPropertyKeys
{
    /// <summary>
    /// Prefix of the replacement texts for the diagnosed string literal: <c>Replacement0</c>,
    /// <c>Replacement1</c>, … best first. A code fix offers one action per replacement.
    /// </summary>
    public const string ReplacementPrefix = "Replacement";

    /// <summary>The key of the <paramref name="index"/>-th replacement.</summary>
    public static string Replacement(int index) => ReplacementPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
