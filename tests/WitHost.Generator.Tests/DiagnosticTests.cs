using Microsoft.CodeAnalysis;
using WitHost.Generator.Model;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests;

/// <summary>Problems are reported where they are: WIT errors in the .wit file, host errors on the attribute.</summary>
public sealed class DiagnosticTests
{
    private const string HostPath = "/project/Host.cs";

    [Fact]
    public void WitSyntaxErrorIsLocatedInTheWitFile()
    {
        const string wit = "package example:broken;\n\ninterface api {\n    run: func() -> ;\n}\n";
        var run = Run("""[WitHost("api.wit")] internal partial class BrokenHost;""", ("/project/api.wit", wit));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("WIT", diagnostic.Id);
        Assert.DoesNotContain("WITHOST", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/api.wit", span.Path);

        // `;` on line 4 (0-based 3), column 20 (0-based 19), where a type was expected.
        Assert.Equal(3, span.StartLinePosition.Line);
        Assert.Equal(19, span.StartLinePosition.Character);
        Assert.Equal(wit.IndexOf("-> ;", StringComparison.Ordinal) + 3, diagnostic.Location.SourceSpan.Start);
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("record e {}", "e {}")]
    [InlineData("flags g {}", "g {}")]
    [InlineData("type t = tuple<>;", "tuple<>")]
    [InlineData("enum e {}", "e {}")]
    [InlineData("variant v {}", "v {}")]
    public void AnEmptyTypeIsAWitErrorAtItsNameAndGeneratesNothing(string declaration, string marked)
    {
        var wit = "package example:empty;\n\ninterface api {\n    " + declaration + "\n    run: func();\n}\n\nworld w {\n    import api;\n}\n";
        var run = Run("""[WitHost("api.wit")] internal partial class EmptyHost;""", ("/project/api.wit", wit));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("WIT0402", diagnostic.Id);
        Assert.Equal("/project/api.wit", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(wit.IndexOf(marked, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.CompilationProblems);
    }

    // WITHOST0001–0005 are the generator's: a build reports them also when the project has C# errors
    // (the compiler runs no analyzer then), and `wit-host generate`, which runs the same stages
    // (WorldGeneration), reports them the same way.

    [Fact]
    public void UnknownWorldIsReportedAtTheWorldArgumentWithTheClosestNames()
    {
        const string wit = "package example:api;\nworld plugin {}\nworld plug-in-two {}\n";
        const string host = """[WitHost("api.wit", World = "plugn")] internal partial class Host;""";
        var run = Run(host, ("/project/api.wit", wit));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITHOST0004", diagnostic.Id);
        Assert.Equal("The package 'example:api' has no world 'plugn' (its worlds: plugin, plug-in-two); did you mean 'plugin'?", diagnostic.GetMessage());
        AssertAt(diagnostic, host, "\"plugn\"");
        Assert.Equal("plugin", diagnostic.Properties[DiagnosticPropertyKeys.Replacement(0)]);
        Assert.Empty(run.GeneratedSources);

        Assert.Equal(diagnostic.GetMessage(), Assert.Single(GenerateForCommandLine("api.wit", "plugn", ("/project/api.wit", wit))).GetMessage());
    }

    [Fact]
    public void AmbiguousWorldIsReportedAtTheAttributeWithEachWorldToChoose()
    {
        const string wit = "package example:api;\nworld one {}\nworld two {}\n";
        const string host = """[WitHost("api.wit")] internal partial class Host;""";
        var run = Run(host, ("/project/api.wit", wit));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITHOST0005", diagnostic.Id);
        Assert.Contains("one, two", diagnostic.GetMessage());
        AssertAt(diagnostic, host, "WitHost(\"api.wit\")");
        Assert.Equal(new[] { "one", "two" }, new[] { diagnostic.Properties["Replacement0"], diagnostic.Properties["Replacement1"] });
        Assert.Empty(run.GeneratedSources);
        Assert.Equal("WITHOST0005", Assert.Single(GenerateForCommandLine("api.wit", null, ("/project/api.wit", wit))).Id);
    }

    [Fact]
    public void MissingFileIsReportedAtThePathWithTheItemToAdd()
    {
        const string host = """[WitHost("wit/absent.wit")] internal partial class Host;""";
        var run = Run(host, ("/project/other.wit", "package example:api;\nworld one {}\n"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITHOST0003", diagnostic.Id);
        Assert.Equal(
            "No .wit file or directory 'wit/absent.wit' is among the AdditionalFiles (looked for /project/wit/absent.wit); add <AdditionalFiles Include=\"wit/absent.wit\" /> to the project file",
            diagnostic.GetMessage());
        AssertAt(diagnostic, host, "\"wit/absent.wit\"");
        Assert.Empty(run.GeneratedSources);
        Assert.Equal("WITHOST0003", Assert.Single(GenerateForCommandLine("wit/absent.wit", null, ("/project/other.wit", "package example:api;\nworld one {}\n"))).Id);
    }

    [Fact]
    public void ProjectDirectoryIsWhereRelativePathsStart()
    {
        var run = GeneratorHarness.Run(
            "/project/src/Hosts/Host.cs",
            """
            using WitHost;
            [WitHost("wit/api.wit")] internal partial class Host;
            """,
            new[] { new InMemoryAdditionalText("/project/wit/api.wit", "package example:api;\nworld one { import f: func(); }\n") },
            projectDirectory: "/project/");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("Host.WitHost.g.cs", run.GeneratedSources.Keys);

        // A host in the global namespace compiles too.
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void NonPartialHostIsReportedAndStillGetsItsWorldsTypes()
    {
        // Code that uses the world's interfaces and types compiles, so WITHOST0001 is not buried
        // under CS0246s; only the host's own members (Instantiate, Imports) are missing.
        const string wit = "package example:api;\ninterface log { record entry { text: string } write: func(e: entry); }\nworld one { import log; }\n";
        const string host = """
            [WitHost("api.wit")] internal sealed class Host { }

            internal sealed class Console : Example.Api.ILog
            {
                public void Write(Example.Api.Log.Entry e) { }
            }
            """;
        var run = Run(host, ("/project/api.wit", wit));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITHOST0001", diagnostic.Id);
        AssertAt(diagnostic, host, "Host");
        Assert.Equal(new[] { "example.api.log.g.cs" }, run.GeneratedSources.Keys);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void NestedHostIsReportedAndStillGetsItsWorldsTypes()
    {
        const string host = """internal partial class Outer { [WitHost("api.wit")] internal partial class Host; }""";
        var run = Run(host, ("/project/api.wit", "package example:api;\ninterface log { write: func(text: string); }\nworld one { import log; }\n"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITHOST0002", diagnostic.Id);
        AssertAt(diagnostic, host, "Host");
        Assert.Equal(new[] { "example.api.log.g.cs" }, run.GeneratedSources.Keys);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void EmptyPathIsReported()
    {
        var run = Run("""[WitHost("")] internal partial class Host;""", ("/project/api.wit", "package example:api;\nworld one {}\n"));

        Assert.Equal("WITHOST0009", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void TwoHostsReadingDifferentDefinitionsOfOneInterfaceAreReported()
    {
        const string host = """
            using WitHost;
            [WitHost("a/api.wit")] internal partial class HostA;
            [WitHost("b/api.wit")] internal partial class HostB;
            """;
        var run = GeneratorHarness.Run(
            HostPath,
            host,
            new[]
            {
                new InMemoryAdditionalText("/project/a/api.wit", "package example:api;\ninterface log { log: func(a: u32); }\nworld one { import log; }\n"),
                new InMemoryAdditionalText("/project/b/api.wit", "package example:api;\ninterface log { log: func(a: string); }\nworld one { import log; }\n"),
            });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITHOST0008", diagnostic.Id);
        Assert.Contains("'example:api/log'", diagnostic.GetMessage());
        Assert.Contains("void Log(uint a);", run.GeneratedSources["example.api.log.g.cs"]);
    }

    [Fact]
    public void AttributeArgumentsReachTheHostSpec()
    {
        var run = Run("""[WitHost("api.wit", World = "one", Encoding = WitStringEncoding.Latin1Utf16)] internal partial class Host;""", ("/project/api.wit", "package example:api;\nworld one {}\n"));

        var spec = run.Result.TrackedSteps[TrackingNames.HostSpecs]
            .SelectMany(step => step.Outputs)
            .Select(output => ((HostSpecResult)output.Value).Spec)
            .Single();
        Assert.NotNull(spec);
        Assert.Equal(("", "Host", "api.wit", "one", StringEncodingKind.Latin1Utf16), (spec.Namespace, spec.ClassName, spec.WitPath, spec.World, spec.Encoding));
        Assert.Equal(HostPath, spec.SourceFilePath);
    }

    [Fact]
    public void ExportedResourcesBecomeHandleClassesWithoutDiagnostics()
    {
        const string wit = """
            package example:api;

            interface counters {
                resource counter { get: func() -> u32; }
                record snapshot { counter: borrow<counter> }
                record total { value: u64 }
            }

            world one { export counters; }
            """;
        var run = Run("""[WitHost("api.wit")] internal partial class Host;""", ("/project/api.wit", wit));

        Assert.Empty(run.GeneratorDiagnostics);
        var scope = run.GeneratedSources["example.api.counters.g.cs"];
        Assert.Contains("public sealed class Counter : global::WitHost.IGuestResource", scope);
        Assert.Contains("public uint Get() => _calls.Get(this);", scope);
        Assert.Contains("global::Example.Api.Counters.Counter Counter);", scope);
        Assert.Contains("record Total(", scope);
        Assert.DoesNotContain("ICounter", scope);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void TwoHostsExportingOneResourceShareItsHandleClassAndEachImplementsItsCalls()
    {
        const string wit = """
            package example:api;

            interface counters {
                resource counter { get: func() -> u32; }
                make: func() -> counter;
            }

            world one { export counters; }
            world two { export counters; }
            """;
        var run = Run(
            """
            [WitHost("api.wit", World = "one")] internal partial class HostOne;
            [WitHost("api.wit", World = "two", Encoding = WitStringEncoding.Utf16)] internal partial class HostTwo;
            """,
            ("/project/api.wit", wit));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.GeneratedSources, source => source.Value.Contains("class Counter : global::WitHost.IGuestResource", StringComparison.Ordinal));
        Assert.Contains("public sealed class CountersExports : global::Example.Api.Counters.Counter.ICalls", run.GeneratedSources["HostOne.Guest.g.cs"]);
        Assert.Contains("public sealed class CountersExports : global::Example.Api.Counters.Counter.ICalls", run.GeneratedSources["HostTwo.Guest.g.cs"]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void AnExportedResourceMethodPassingAMapIsGenerated()
    {
        const string wit = """
            package example:api;

            interface counters {
                resource counter {
                    get: func() -> u32;
                    labels: func() -> map<string, u32>;
                    corners: func(c: list<s32, 2>) -> list<s32, 2>;
                }
            }

            world one { export counters; }
            """;
        var run = Run("""[WitHost("api.wit")] internal partial class Host;""", ("/project/api.wit", wit));

        Assert.Empty(run.GeneratorDiagnostics);
        var scope = run.GeneratedSources["example.api.counters.g.cs"];
        Assert.Contains("public uint Get()", scope);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyDictionary<string, uint> Labels()", scope);
        Assert.Contains("public int[] Corners(int[] c)", scope);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void UnsupportedConstructsAreReportedAndLeftOut()
    {
        const string wit = """
            package example:api;

            interface data {
                record chunk { bytes: stream<u8> }
                record wrapper { inner: chunk }
                flags wide { g0, g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11, g12, g13, g14, g15, g16, g17, g18, g19, g20, g21, g22, g23, g24, g25, g26, g27, g28, g29, g30, g31, g32, g33, g34, g35, g36, g37, g38, g39, g40, g41, g42, g43, g44, g45, g46, g47, g48, g49, g50, g51, g52, g53, g54, g55, g56, g57, g58, g59, g60, g61, g62, g63, g64 }
                record fine { value: u32 }
                wait: async func() -> u32;
                later: func() -> future<string>;
                ok: func(value: fine) -> u32;
            }

            world one { import data; }
            """;
        var run = Run("""[WitHost("api.wit")] internal partial class Host;""", ("/project/api.wit", wit));

        var messages = run.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id + " " + diagnostic.GetMessage()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "WITHOST0007 The flags 'example:api/data#wide' has 65 members, more than the 64 bits of the largest [Flags] enum; it is left out of the generated code",
            },
            messages);
        // Warnings by default (the harness, like the repository, treats warnings as errors).
        Assert.All(run.GeneratorDiagnostics, diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity));

        var scope = run.GeneratedSources["example.api.data.g.cs"];
        Assert.Contains("record Fine(", scope);
        Assert.Contains("uint Ok(", scope);
        Assert.DoesNotContain("Wide", scope);

        // Streams and futures are generated, in records too.
        Assert.Contains("record Chunk(", scope);
        Assert.Contains("global::WitHost.Wamr.Async.WitStream<byte> Bytes", scope);
        Assert.Contains("record Wrapper(", scope);
        Assert.Contains("global::System.Threading.Tasks.Task<string> Later();", scope);

        // An async func is generated: the host implements it as a ValueTask it may cancel.
        Assert.Contains("global::System.Threading.Tasks.ValueTask<uint> WaitAsync(global::System.Threading.CancellationToken cancellationToken);", scope);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void ATypeLeftOutIsReportedAtItsNameInTheWitFile()
    {
        var wide = string.Join(", ", Enumerable.Range(0, 65).Select(i => "g" + i));
        var wit = "package example:api;\n\ninterface data {\n    flags wide { " + wide + " }\n    record holder { w: wide }\n}\n\nworld one { import data; }\n";
        var run = Run("""[WitHost("api.wit")] internal partial class Host;""", ("/project/api.wit", wit));

        // As the front end's own errors and a function's are: at the name, not at the [WitHost] attribute.
        foreach (var (id, name) in new[] { ("WITHOST0006", "holder"), ("WITHOST0007", "wide") })
        {
            var span = run.GeneratorDiagnostics.Single(diagnostic => diagnostic.Id == id).Location.GetLineSpan();
            Assert.Equal("/project/api.wit", span.Path);
            var line = wit.Split('\n')[span.StartLinePosition.Line];
            Assert.Equal(name, line.Substring(span.StartLinePosition.Character, span.EndLinePosition.Character - span.StartLinePosition.Character));
        }
    }

    [Fact]
    public void CallsPassingImportedAndExportedResourceHandlesAreGenerated()
    {
        const string wit = """
            package example:api;

            interface files {
                resource file {
                    size: func() -> u64;
                }
                open: func(path: string) -> file;
                name: func(path: string) -> string;
            }

            interface store {
                use files.{file};
                keep: func(f: borrow<file>) -> bool;
                count: func() -> u32;
            }

            interface counters {
                resource counter {
                    get: func() -> u32;
                }
                total: func(c: borrow<counter>) -> u32;
            }

            world one {
                import files;
                export store;
                export counters;
            }
            """;
        var run = Run("""[WitHost("api.wit")] internal partial class Host;""", ("/project/api.wit", wit));

        Assert.Empty(run.GeneratorDiagnostics);

        var host = run.GeneratedSources["Host.WitHost.g.cs"];
        Assert.Contains("\"open\", call_ =>", host);
        Assert.Contains("\"[method]file.size\", call_ =>", host);
        Assert.Contains("\"[resource-drop]file\", call_ =>", host);
        Assert.Contains("HandleTable<global::Example.Api.Files.IFile>", host);

        // The guest's intrinsics for its own resource, and the destructor its table runs.
        Assert.Contains("global::WitHost.Wamr.Bindings.RepTable Example_Api_Counters_Counter = new(\"counter\", \"example:api/counters#[dtor]counter\", maxHandles);", host);
        Assert.Contains("table_.Define(\"[export]example:api/counters\", \"[resource-new]counter\", call_ =>", host);
        Assert.Contains("table_.Define(\"[export]example:api/counters\", \"[resource-rep]counter\", call_ =>", host);
        Assert.Contains("table_.Define(\"[export]example:api/counters\", \"[resource-drop]counter\", call_ =>", host);
        Assert.Contains("table_.Destroy(call_.Instance, rep_);", host);
        var guest = run.GeneratedSources["Host.Guest.g.cs"];
        Assert.Contains("public bool Keep(global::Example.Api.Files.IFile f)", guest);
        Assert.Contains("CheckBorrowsDropped", guest);
        Assert.Contains("public uint Total(global::Example.Api.Counters.Counter c)", guest);
        Assert.Contains("c.Handle.Borrow(_wamr, \"example:api/counters#total\")", guest);
        Assert.Contains("uint global::Example.Api.Counters.Counter.ICalls.Get(global::Example.Api.Counters.Counter self)", guest);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void TheAttributesEncodingDrivesTheStringMarshalling()
    {
        const string wit = "package example:api;\nworld one {\n    import shout: func(s: string) -> string;\n    export echo: func(s: string) -> string;\n}\n";
        var run = Run("""[WitHost("api.wit", Encoding = WitStringEncoding.Utf16)] internal partial class Host;""", ("/project/api.wit", wit));

        var generated = run.GeneratedSources["Host.WitHost.g.cs"] + run.GeneratedSources["Host.Guest.g.cs"];
        Assert.Contains("StringEncoding.Utf16", generated);
        Assert.DoesNotContain("StringEncoding.Utf8", generated);
        Assert.Empty(run.CompilationProblems);
    }

    // The diagnostic covers exactly `marked` in the host file Run writes.
    private static void AssertAt(Diagnostic diagnostic, string host, string marked)
    {
        var file = HostFile(host);
        Assert.Equal(HostPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(marked, file.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    private static string HostFile(string host) => "using WitHost;\n\n" + host + "\n";

    /// <summary>The diagnostics of the stages `wit-host generate` runs, for a host at <see cref="HostPath"/>.</summary>
    private static IReadOnlyList<Diagnostic> GenerateForCommandLine(string witPath, string? world, params (string Path, string Text)[] witFiles)
    {
        var spec = new HostSpec("", "Host", witPath, HostPath, world, StringEncodingKind.Utf8, new SourceLocationInfo(HostPath, 0, 0, 0, 0, 0, 0));
        var generated = WorldGeneration.Generate(spec, witFiles.Select(file => new WitHost.Wit.WitSourceFile(file.Path, file.Text)), "/project");
        return generated.Diagnostics.Select(Emitting.DiagnosticReporter.ToDiagnostic).ToList();
    }

    private static GeneratorRun Run(string host, params (string Path, string Text)[] witFiles)
        => GeneratorHarness.Run(
            HostPath,
            HostFile(host),
            witFiles.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)));
}
