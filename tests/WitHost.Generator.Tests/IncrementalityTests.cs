using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WitHost.Generator.Model;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests;

/// <summary>
/// The pipeline carries only equatable data, so the compiler can skip work: an unrelated C# edit
/// must reuse every step, and a .wit edit must re-bind only the hosts that read that file.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] s_steps =
    {
        TrackingNames.HostSpecs, TrackingNames.WitFiles, TrackingNames.ProjectDirectory, TrackingNames.HostSources,
        TrackingNames.WorldBindings, TrackingNames.MergedScopes, TrackingNames.Scopes,
    };

    [Fact]
    public void UnrelatedCSharpEditReusesEveryStep()
    {
        var (compilation, driver) = CreateTwoHosts();
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Example.App; internal sealed class Unrelated { }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        StepReasons.AssertAllReused(result, s_steps);
    }

    [Fact]
    public void EditingOneWitFileRebindsOnlyTheHostThatReadsIt()
    {
        var samplePath = Path.Combine(RepositoryPaths.Wit, "sample", "sample.wit");
        var sampleText = File.ReadAllText(samplePath);
        var oldSample = new InMemoryAdditionalText(samplePath, sampleText);
        var files = GeneratorHarness.WitFilesIn(Path.Combine(RepositoryPaths.Wit, "directory")).Prepend(oldSample);
        var compilation = CreateTwoHostCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        var newSample = new InMemoryAdditionalText(samplePath, sampleText.Replace(
            "log-u32: func(a: u32, s: string);",
            "log-u32: func(a: u32, s: string);\n    flush: func();"));
        var result = driver.ReplaceAdditionalText(oldSample, newSample).RunGenerators(compilation).GetRunResult().Results.Single();

        // Both hosts re-select their sources (the set of .wit files changed), but only the sample
        // host's sources differ, so only it is resolved and bound again.
        Assert.Equal(
            new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified }.Order(),
            StepReasons.Of(result, TrackingNames.HostSources).Order());
        Assert.Equal(
            new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }.Order(),
            StepReasons.Of(result, TrackingNames.WorldBindings).Order());

        // Of the scopes, only the edited interface is emitted again.
        var changedScopes = result.TrackedSteps[TrackingNames.Scopes]
            .SelectMany(step => step.Outputs)
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(output => ((ScopeBinding)output.Value).Key);
        Assert.Equal("example:sample/logging", Assert.Single(changedScopes));
        Assert.Contains("void Flush();", result.GeneratedSources.Single(source => source.HintName == "example.sample.logging.g.cs").SourceText.ToString());
    }

    private static (CSharpCompilation Compilation, GeneratorDriver Driver) CreateTwoHosts()
    {
        var compilation = CreateTwoHostCompilation();
        var files = GeneratorHarness.WitFilesIn(Path.Combine(RepositoryPaths.Wit, "sample"))
            .Concat(GeneratorHarness.WitFilesIn(Path.Combine(RepositoryPaths.Wit, "directory")));
        return (compilation, GeneratorHarness.CreateDriver(files));
    }

    private static CSharpCompilation CreateTwoHostCompilation()
    {
        var sampleHost = Path.Combine(RepositoryPaths.Wit, "sample", "Host.cs");
        var directoryHost = Path.Combine(RepositoryPaths.Wit, "directory", "Host.cs");
        return GeneratorHarness.CreateCompilation(
            (sampleHost, File.ReadAllText(sampleHost)),
            (directoryHost, File.ReadAllText(directoryHost)));
    }
}
