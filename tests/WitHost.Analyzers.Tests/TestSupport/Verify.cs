using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace WitHost.Analyzers.Tests.TestSupport;

/// <summary>Short forms: an analyzer-only test and a test of one code fix.</summary>
internal static class Verify
{
    public static WitHostAnalyzerTest<TAnalyzer, EmptyCodeFixProvider> Analyzer<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => new(source);

    public static WitHostAnalyzerTest<TAnalyzer, TCodeFix> CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
        => new(source, fixedSource);
}
