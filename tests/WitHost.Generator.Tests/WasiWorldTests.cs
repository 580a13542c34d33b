using Microsoft.CodeAnalysis;
using WitHost.Generator.Model;
using WitHost.Generator.Parsing;
using WitHost.Generator.Tests.TestSupport;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Tests;

/// <summary>
/// The WASI 0.2 packages (../shared/wit/wasi-0.2) as a real-world corpus: every world generates
/// C# that compiles without warnings, alone and all together in one compilation.
/// </summary>
public sealed class WasiWorldTests
{
    private static readonly string s_corpus = Path.Combine(RepositoryPaths.Shared, "wit", "wasi-0.2");

    public static TheoryData<string, string> Worlds
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (package, world) in FindWorlds())
            {
                data.Add(package, world);
            }

            return data;
        }
    }

    [Fact]
    public void CorpusHasTheExpectedWorlds()
    {
        // Guards the theory below against silently running on nothing.
        Assert.Contains(("cli", "command"), FindWorlds());
        Assert.Contains(("http", "proxy"), FindWorlds());
        Assert.True(FindWorlds().Count >= 9);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void WorldGeneratesCompilingCode(string package, string world)
    {
        var run = GeneratorHarness.Run(
            $"/wasi/{package}/Host.cs",
            $"using WitHost;\n\nnamespace Hosts;\n\n[WitHost(\".\", World = \"{world}\")]\ninternal partial class Host;\n",
            LayOut(package));

        Assert.True(run.GeneratorDiagnostics.IsEmpty, string.Join("\n", run.GeneratorDiagnostics));
        Assert.Contains("Hosts.Host.WitHost.g.cs", run.GeneratedSources.Keys);
        Assert.True(run.GeneratedSources.Count > 1);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
    }

    [Fact]
    public void AllWorldsTogetherShareTheirInterfaces()
    {
        var worlds = FindWorlds();
        var hosts = worlds.Select((item, i) => (
            Path: $"/wasi/{item.Package}/Host{i}.cs",
            Text: $"using WitHost;\n\nnamespace Hosts;\n\n[WitHost(\".\", World = \"{item.World}\")]\ninternal partial class Host{i};\n"));
        var files = worlds.Select(item => item.Package).Distinct().SelectMany(LayOut);
        var compilation = GeneratorHarness.CreateCompilation(hosts.ToArray());
        GeneratorHarness.CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        var problems = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // wasi:io/streams is used by most worlds and declared once.
        Assert.Single(output.SyntaxTrees, tree => tree.FilePath.EndsWith("wasi.io.streams.0.2.12.g.cs", StringComparison.Ordinal));
    }

    /// <summary>
    /// The corpus keeps each package in a sibling directory; a host sees its package as the root
    /// directory and every other package under its deps/, as WIT tooling expects.
    /// </summary>
    private static IEnumerable<AdditionalText> LayOut(string package)
    {
        foreach (var directory in Directory.EnumerateDirectories(s_corpus).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            var target = name == package ? $"/wasi/{package}" : $"/wasi/{package}/deps/{name}";
            foreach (var file in Directory.EnumerateFiles(directory, "*.wit").Order(StringComparer.Ordinal))
            {
                yield return new InMemoryAdditionalText(target + "/" + Path.GetFileName(file), File.ReadAllText(file));
            }
        }
    }

    private static List<(string Package, string World)> FindWorlds()
    {
        var worlds = new List<(string, string)>();
        foreach (var directory in Directory.EnumerateDirectories(s_corpus).Order(StringComparer.Ordinal))
        {
            var package = Path.GetFileName(directory);
            var files = Directory.EnumerateFiles(directory, "*.wit")
                .Order(StringComparer.Ordinal)
                .Select(file => new WitSourceFile(file, File.ReadAllText(file)))
                .ToEquatableArray();
            var resolution = WitPackageResolver.Resolve(EquatableArray.Create(new WitSourcePackage(files)));
            foreach (var world in resolution.Root?.Worlds ?? EquatableArray<WitHost.Wit.Model.WitWorld>.Empty)
            {
                worlds.Add((package, world.Name));
            }
        }

        return worlds;
    }
}
