using Microsoft.CodeAnalysis;
using WitHost.Generator.Model;
using WitHost.Generator.Binding;
using WitHost.Generator.Tests.TestSupport;
using WitHost.Wit;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Tests;

/// <summary>
/// The WASI packages (../shared/wit/wasi-0.2 and wasi-0.3) as a real-world corpus: every 0.2 world
/// generates C# that compiles without warnings, alone and all together in one compilation. The 0.3
/// worlds, with their async functions, streams, futures and error contexts, generate whole: no
/// WITHOST0006, and the code compiles.
/// </summary>
public sealed class WasiWorldTests
{
    private const string Wasi02 = "wasi-0.2";
    private const string Wasi03 = "wasi-0.3";

    public static TheoryData<string, string> Worlds => WorldsOf(Wasi02);

    public static TheoryData<string, string> PreviewWorlds => WorldsOf(Wasi03);

    [Fact]
    public void CorpusHasTheExpectedWorlds()
    {
        // Guards the theory below against silently running on nothing.
        Assert.Contains(("cli", "command"), FindWorlds(Wasi02));
        Assert.Contains(("http", "proxy"), FindWorlds(Wasi02));
        Assert.True(FindWorlds(Wasi02).Count >= 9);
        Assert.Contains(("cli", "command"), FindWorlds(Wasi03));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void WorldGeneratesCompilingCode(string package, string world)
    {
        var run = RunWorld(Wasi02, package, world);

        Assert.True(run.UnexpectedGeneratorDiagnostics.Count == 0, string.Join("\n", run.UnexpectedGeneratorDiagnostics));
        Assert.Contains("Hosts.Host.WitHost.g.cs", run.GeneratedSources.Keys);
        Assert.True(run.GeneratedSources.Count > 1);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
    }

    [Theory]
    [MemberData(nameof(PreviewWorlds))]
    public void PreviewWorldGeneratesWholeAndCompiles(string package, string world)
    {
        var run = RunWorld(Wasi03, package, world);

        // Async functions, streams, futures and error contexts are all generated: nothing is left out.
        Assert.True(run.GeneratorDiagnostics.IsEmpty, string.Join("\n", run.GeneratorDiagnostics));
        Assert.Contains("Hosts.Host.WitHost.g.cs", run.GeneratedSources.Keys);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
    }

    [Fact]
    public void PreviewStdioStreamsAreWitStreamsAndTheirErrorsTasks()
    {
        var run = RunWorld(Wasi03, "cli", "command");
        var generated = string.Concat(run.GeneratedSources.Values);

        // read-via-stream: func() -> tuple<stream<u8>, future<result<_, error-code>>>, which the host implements.
        Assert.Contains("(global::WitHost.Wamr.Async.WitStream<byte>, global::System.Threading.Tasks.Task<global::WitHost.Result<global::WitHost.Unit, global::Wasi.Cli.Types.ErrorCode>>) ReadViaStream();", generated);
        // write-via-stream: func(data: stream<u8>) -> future<result<_, error-code>>.
        Assert.Contains("global::System.Threading.Tasks.Task<global::WitHost.Result<global::WitHost.Unit, global::Wasi.Cli.Types.ErrorCode>> WriteViaStream(global::WitHost.Wamr.Async.WitStream<byte> data);", generated);
        // The guest's stream and future built-ins of those functions are served.
        Assert.Contains("new(\"wasi:cli/stdin@0.3.0\", \"read-via-stream\", 0, IsFuture: false, \"u8\", \"u8\", 1, 1, ElementIsNumber: true, ElementIsBytes: true),", generated);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
    }

    [Fact]
    public void PreviewAsyncFunctionsWithoutStreamsAreHostMethodsReturningValueTasks()
    {
        var run = RunWorld(Wasi03, "filesystem", "imports");
        var generated = string.Concat(run.GeneratedSources.Values);

        // [method]descriptor.sync-data: async func() -> result<_, error-code>, on the resource's host interface.
        Assert.Contains("global::System.Threading.Tasks.ValueTask<global::WitHost.Result<global::WitHost.Unit, global::Wasi.Filesystem.Types.ErrorCode>> SyncDataAsync(global::System.Threading.CancellationToken cancellationToken);", generated);
        Assert.Contains("DefineAsync(table_, \"wasi:filesystem/types@0.3.0\", \"[method]descriptor.sync-data\"", generated);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
    }

    [Fact]
    public void AllWorldsTogetherShareTheirInterfaces()
    {
        var worlds = FindWorlds(Wasi02);
        var hosts = worlds.Select((item, i) => (
            Path: $"/wasi/{item.Package}/Host{i}.cs",
            Text: $"using WitHost;\n\nnamespace Hosts;\n\n[WitHost(\".\", World = \"{item.World}\")]\ninternal partial class Host{i};\n"));
        var files = worlds.Select(item => item.Package).Distinct().SelectMany(package => LayOut(Wasi02, package));
        var compilation = GeneratorHarness.CreateCompilation(hosts.ToArray());
        GeneratorHarness.CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var unexpected = GeneratorRun.WithoutCallsNotGenerated(diagnostics);
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        var problems = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // wasi:io/streams is used by most worlds and declared once.
        Assert.Single(output.SyntaxTrees, tree => tree.FilePath.EndsWith("wasi.io.streams.0.2.12.g.cs", StringComparison.Ordinal));
    }

    private static GeneratorRun RunWorld(string corpus, string package, string world)
        => GeneratorHarness.Run(
            $"/wasi/{package}/Host.cs",
            $"using WitHost;\n\nnamespace Hosts;\n\n[WitHost(\".\", World = \"{world}\")]\ninternal partial class Host;\n",
            LayOut(corpus, package));

    /// <summary>
    /// The corpus keeps each package in a sibling directory; a host sees its package as the root
    /// directory and every other package under its deps/, as WIT tooling expects.
    /// </summary>
    private static IEnumerable<AdditionalText> LayOut(string corpus, string package)
    {
        foreach (var directory in Directory.EnumerateDirectories(CorpusPath(corpus)).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            var target = name == package ? $"/wasi/{package}" : $"/wasi/{package}/deps/{name}";
            foreach (var file in Directory.EnumerateFiles(directory, "*.wit").Order(StringComparer.Ordinal))
            {
                yield return new InMemoryAdditionalText(target + "/" + Path.GetFileName(file), File.ReadAllText(file));
            }
        }
    }

    private static string CorpusPath(string corpus) => Path.Combine(RepositoryPaths.Shared, "wit", corpus);

    private static TheoryData<string, string> WorldsOf(string corpus)
    {
        var data = new TheoryData<string, string>();
        foreach (var (package, world) in FindWorlds(corpus))
        {
            data.Add(package, world);
        }

        return data;
    }

    private static List<(string Package, string World)> FindWorlds(string corpus)
    {
        var worlds = new List<(string, string)>();
        foreach (var directory in Directory.EnumerateDirectories(CorpusPath(corpus)).Order(StringComparer.Ordinal))
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
