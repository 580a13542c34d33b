using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WitHost.Analyzers.Hosts;
using WitHost.Analyzers.Imports;
using WitHost.Analyzers.Resources;
using WitHost.Generator;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Analyzers.Tests;

/// <summary>
/// The generator and the analyzers on one compilation, as in a build: each problem of a host
/// declaration is reported once (by the generator, which runs also when the compilation has errors),
/// and the analyzers understand the code the generator really emits.
/// </summary>
public sealed class GeneratorAndAnalyzersTests
{
    private const string SampleWit = """
        package example:sample;

        interface logging {
            log: func(message: string);
        }

        world sample {
            import logging;
            export run: func() -> u32;
        }

        world other {}
        """;

    [Fact]
    public async Task EachHostDeclarationProblemIsReportedOnce()
    {
        const string source = """
            using WitHost;

            [WitHost("sample.wit", World = "sampel")]
            internal partial class Misspelt;

            [WitHost("sample.wit")]
            internal partial class Ambiguous;

            [WitHost("absent.wit", World = "sample")]
            internal partial class Missing;

            [WitHost("sample.wit", World = "sample")]
            internal sealed class NotPartial { }

            [WitHost("example:journal/entries")]
            internal interface INotPartialInterface
            {
                void Write(string text);
            }

            [WitHost("example:Journal/entries")]
            internal partial interface IMisspelt
            {
                void Write(string text);
            }
            """;
        var (generatorDiagnostics, analyzerDiagnostics, _) = await RunAsync(source);

        Assert.Equal(
            new[] { "WITHOST0001 INotPartialInterface", "WITHOST0001 NotPartial", "WITHOST0003 \"absent.wit\"", "WITHOST0004 \"sampel\"", "WITHOST0005 WitHost(\"sample.wit\")" },
            generatorDiagnostics.Select(diagnostic => Describe(diagnostic, source)).Order(StringComparer.Ordinal));
        Assert.Equal("WITHOST1001 \"example:Journal/entries\"", Describe(Assert.Single(analyzerDiagnostics)));
    }

    [Fact]
    public async Task NullImportOfAGeneratedHostIsReportedAndAValidHostIsQuiet()
    {
        const string source = """
            using WitHost;
            using Example.Sample;

            [WitHost("sample.wit", World = "sample")]
            internal partial class SampleHost;

            internal sealed class Console : ILogging
            {
                public void Log(string message) { }
            }

            internal static class Program
            {
                public static void Run(WitHost.Wamr.WamrModule module)
                {
                    using var good = SampleHost.Instantiate(module, new SampleHost.Imports { Logging = new Console() });
                    using var bad = SampleHost.Instantiate(module, new SampleHost.Imports { Logging = null! });
                }
            }
            """;
        var (generatorDiagnostics, analyzerDiagnostics, compilationErrors) = await RunAsync(source);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(compilationErrors);
        Assert.Equal("WITHOST1003 null!", Describe(Assert.Single(analyzerDiagnostics)));
    }

    private static string Describe(Diagnostic diagnostic)
        => diagnostic.Id + " " + diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    // The generator's diagnostics point into Host.cs by path and span (its pipeline carries no syntax trees).
    private static string Describe(Diagnostic diagnostic, string source)
    {
        Assert.Equal("/project/Host.cs", diagnostic.Location.GetLineSpan().Path);
        return diagnostic.Id + " " + source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
    }

    private static async Task<(ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Analyzers, IReadOnlyList<Diagnostic> CompilationErrors)> RunAsync(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var additionalFiles = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/project/sample.wit", SampleWit));
        var options = new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string> { ["build_property.projectdir"] = "/project/" });
        var compilation = CSharpCompilation.Create(
            "HostProject",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, "/project/Host.cs") },
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        CSharpGeneratorDriver
            .Create(new[] { new WitHostGenerator().AsSourceGenerator() }, additionalFiles, parseOptions, options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HostDeclarationAnalyzer(), new ImportWithoutImplementationAnalyzer(), new ResourceUseAfterDisposeAnalyzer());
        var analyzerDiagnostics = await output
            .WithAnalyzers(analyzers, new AnalyzerOptions(additionalFiles, options))
            .GetAnalyzerDiagnosticsAsync();
        var errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        return (generatorDiagnostics, analyzerDiagnostics, errors);
    }

    private static IEnumerable<MetadataReference> References()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(WitHost.Wamr.WamrModule).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
}
