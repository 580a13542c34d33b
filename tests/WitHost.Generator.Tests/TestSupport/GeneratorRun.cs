using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace WitHost.Generator.Tests.TestSupport;

/// <summary>The outcome of one generator run: the driver (to run again), the compilation with the generated code, and the generator's diagnostics.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>Generated files by hint name, without the always-present attribute file.</summary>
    public IReadOnlyDictionary<string, string> GeneratedSources => Result.GeneratedSources
        .Where(source => source.HintName != "WitHost.WitHostAttribute.g.cs" && source.HintName != "Microsoft.CodeAnalysis.EmbeddedAttribute.cs")
        .ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// The generator's diagnostics without WITHOST0011 (a call whose marshalling is not generated
    /// yet, e.g. one passing resource handles): informational, and expected wherever resources are.
    /// </summary>
    public IReadOnlyList<Diagnostic> UnexpectedGeneratorDiagnostics => WithoutCallsNotGenerated(GeneratorDiagnostics);

    /// <summary><paramref name="diagnostics"/> without WITHOST0011.</summary>
    public static IReadOnlyList<Diagnostic> WithoutCallsNotGenerated(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Where(diagnostic => diagnostic.Id != "WITHOST0011").ToList();

    /// <summary>Errors and warnings of the compilation that includes the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems => Output.GetDiagnostics()
        .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning || diagnostic.IsWarningAsError)
        .ToList();
}
