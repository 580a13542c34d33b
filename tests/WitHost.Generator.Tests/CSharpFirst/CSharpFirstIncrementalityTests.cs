using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests.CSharpFirst;

/// <summary>C#-first interfaces keep the pipeline incremental: their model is equatable data like a .wit file's.</summary>
public sealed class CSharpFirstIncrementalityTests
{
    private static readonly string[] s_steps =
    {
        TrackingNames.HostSpecs, TrackingNames.CSharpFirstInterfaces, TrackingNames.WitFiles, TrackingNames.ProjectDirectory,
        TrackingNames.HostSources, TrackingNames.WorldBindings, TrackingNames.MergedScopes, TrackingNames.Scopes,
    };

    [Fact]
    public void UnrelatedCSharpEditReusesEveryStep()
    {
        var (compilation, driver) = Create();
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Example.App; internal sealed class Unrelated { }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        StepReasons.AssertAllReused(result, s_steps);
    }

    [Fact]
    public void EditingACSharpFirstInterfaceRebindsOnlyItsHost()
    {
        var (compilation, driver) = Create();
        driver = driver.RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single(tree => tree.FilePath.EndsWith(Path.Combine("csharp-first", "Host.cs"), StringComparison.Ordinal));
        var text = tree.GetText().ToString();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            text.Replace("ulong NextId();", "ulong NextId();\n\n    void Flush();", StringComparison.Ordinal))));
        var run = driver.RunGenerators(edited).GetRunResult();
        var result = run.Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, StepReasons.Of(result, TrackingNames.CSharpFirstInterfaces));
        Assert.Equal(
            new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }.Order(),
            StepReasons.Of(result, TrackingNames.WorldBindings).Order());
        Assert.Contains("flush: func();", result.GeneratedSources.Single(source => source.HintName == "Example.Shapes.ILogging.WitText.g.cs").SourceText.ToString());
        Assert.Contains("\"flush\"", result.GeneratedSources.Single(source => source.HintName == "Example.Shapes.ShapesHost.WitHost.g.cs").SourceText.ToString());
    }

    private static (CSharpCompilation Compilation, GeneratorDriver Driver) Create()
    {
        var sampleHost = Path.Combine(RepositoryPaths.Wit, "sample", "Host.cs");
        var csharpFirstHost = Path.Combine(RepositoryPaths.Wit, "csharp-first", "Host.cs");
        var compilation = GeneratorHarness.CreateCompilation(
            (sampleHost, File.ReadAllText(sampleHost)),
            (csharpFirstHost, File.ReadAllText(csharpFirstHost)));
        return (compilation, GeneratorHarness.CreateDriver(GeneratorHarness.WitFilesIn(Path.Combine(RepositoryPaths.Wit, "sample"))));
    }
}
