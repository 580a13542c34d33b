using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WitHost.Generator.Tests.TestSupport;

/// <summary>
/// Runs <see cref="WitHostGenerator"/> the way the compiler does: a C# compilation, .wit files as
/// AdditionalFiles, a driver that tracks incremental steps.
/// </summary>
internal static class GeneratorHarness
{
    public static CSharpParseOptions ParseOptions { get; } =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> s_references = LoadReferences();

    /// <summary>A library compilation with nullable on and warnings as errors, like the repository's builds.</summary>
    public static CSharpCompilation CreateCompilation(params (string Path, string Text)[] sources)
        => CSharpCompilation.Create(
            "GeneratorTestAssembly",
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path)),
            s_references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999));

    /// <summary>A driver over <paramref name="additionalFiles"/> with step tracking on.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalFiles, string? projectDirectory = null)
    {
        var options = new Dictionary<string, string>();
        if (projectDirectory is not null)
        {
            options["build_property.projectdir"] = projectDirectory;
        }

        return CSharpGeneratorDriver.Create(
            new[] { new WitHostGenerator().AsSourceGenerator() },
            additionalFiles,
            ParseOptions,
            new TestAnalyzerConfigOptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once on a fresh compilation.</summary>
    public static GeneratorRun Run(string hostSourcePath, string hostSource, IEnumerable<AdditionalText> additionalFiles, string? projectDirectory = null)
    {
        var compilation = CreateCompilation((hostSourcePath, hostSource));
        var driver = CreateDriver(additionalFiles, projectDirectory)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    /// <summary>The .wit files under <paramref name="directory"/> as AdditionalFiles with their real paths.</summary>
    public static List<AdditionalText> WitFilesIn(string directory)
        => Directory.EnumerateFiles(directory, "*.wit", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (AdditionalText)new InMemoryAdditionalText(path, File.ReadAllText(path)))
            .ToList();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The test process runs on the same runtime the generated code targets, so its platform
        // assemblies (plus the WitHost runtime, for Result/Option/Unit) are the reference set.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(global::WitHost.Unit).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
