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

    /// <summary>A test of the generator's diagnostics in a build (no analyzer runs, as when the project has C# errors).</summary>
    public static WitHostAnalyzerTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider> Generator(string source)
        => new(source, withGenerator: true);

    /// <summary>A code fix of a generator diagnostic: the IDE offers a code fix for any diagnostic of its id, the generator's too.</summary>
    public static GeneratorCodeFixTest<TCodeFix> GeneratorCodeFix<TCodeFix>(string source, string fixedSource)
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
        => new(source, fixedSource);
}
