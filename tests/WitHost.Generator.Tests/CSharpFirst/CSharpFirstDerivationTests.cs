using Microsoft.CodeAnalysis;
using WitHost.Generator.CSharpFirst;
using WitHost.Generator.Tests.TestSupport;
using WitHost.Wit;

namespace WitHost.Generator.Tests.CSharpFirst;

/// <summary>The WIT text derived from C#-first interfaces, exactly, and the names it uses.</summary>
public sealed class CSharpFirstDerivationTests
{
    [Fact]
    public void TheSampleLoggingInterfaceDerivesItsWit()
    {
        var run = Run("""
            namespace Example.Sample;

            [WitHost("example:sample/logging")]
            internal partial interface ILogging
            {
                void LogU32(uint a, string s);

                void LogStr(string s);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(
            "package example:sample;\n\ninterface logging {\n  log-u32: func(a: u32, s: string);\n  log-str: func(s: string);\n}\n",
            WitText(run, "Example.Sample.ILogging"));
    }

    private const string DocumentedLogging = """
        namespace Example.Sample;

        /// <summary>Logging, provided by the host.</summary>
        [WitHost("example:sample/logging")]
        internal partial interface ILogging
        {
            /// <summary>
            /// Logs <paramref name="s"/> followed by <c>a</c>; see <see cref="ILogging"/>.
            /// </summary>
            /// <param name="a">A number.</param>
            /// <param name="s">A text.</param>
            void LogU32(uint a, string s);

            // A plain comment is no doc.
            void LogStr(string s);

            /// <summary>The entries so far.</summary>
            /// <returns>A count of <c>log-u32</c> and <c>log-str</c> calls.</returns>
            uint Count();
        }

        /// <summary>A host whose guest implements the logging.</summary>
        [WitHost]
        [WitExport(typeof(ILogging))]
        internal partial class LogHost;
        """;

    private const string DocumentedLoggingWit =
        "package example:sample;\n\n/// Logging, provided by the host.\ninterface logging {\n"
        + "  /// Logs `s` followed by `a`; see `ILogging`.\n  ///\n  /// Parameters:\n  /// - `a`: A number.\n  /// - `s`: A text.\n  log-u32: func(a: u32, s: string);\n"
        + "  log-str: func(s: string);\n"
        + "  /// The entries so far.\n  ///\n  /// Returns: A count of `log-u32` and `log-str` calls.\n  count: func() -> u32;\n}\n";

    /// <summary>
    /// A C# summary on the interface and on a method becomes the WIT doc comment of the derived
    /// interface and function (its XML code elements as Markdown code), so <c>wit-host derive</c>
    /// writes it and the generated calls of an exported interface are documented with it.
    /// </summary>
    [Fact]
    public void SummariesBecomeWitDocCommentsAndDocumentTheGeneratedCalls()
    {
        var run = Run(DocumentedLogging);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(DocumentedLoggingWit, WitText(run, "Example.Sample.ILogging"));
        Assert.Contains(
            "[assembly: global::WitHost.WitDefinition(\"example:sample/logging\", @\"package example:sample;\n\n/// Logging, provided by the host.\n",
            run.GeneratedSources["Example.Sample.ILogging.WitText.g.cs"].Replace("\r\n", "\n"),
            StringComparison.Ordinal);
        var guest = run.GeneratedSources.Single(source => source.Key.EndsWith("LogHost.Guest.g.cs", StringComparison.Ordinal)).Value.Replace("\r\n", "\n");
        Assert.Contains("/// Logs <c>s</c> followed by <c>a</c>; see <c>ILogging</c>.\n", guest, StringComparison.Ordinal);
        Assert.Contains("/// - <c>a</c>: A number.\n", guest, StringComparison.Ordinal);
        Assert.Contains("/// Returns: A count of <c>log-u32</c> and <c>log-str</c> calls.\n", guest, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Logging, provided by the host.</summary>", guest, StringComparison.Ordinal);
    }

    /// <summary>
    /// A project without GenerateDocumentationFile does not parse doc comments (they are plain
    /// comments to the compiler); the summaries are still carried.
    /// </summary>
    [Fact]
    public void SummariesAreCarriedWhenTheCompilerDoesNotParseDocComments()
    {
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.None);
        var compilation = GeneratorHarness.CreateCompilation();
        compilation = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("using WitHost;\n\n" + DocumentedLogging + "\n", options, "/project/Contracts.cs"));
        GeneratorHarness.CreateDriver(Array.Empty<AdditionalText>())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var symbol = output.GetTypeByMetadataName("Example.Sample.ILogging")!;
        Assert.Equal(DocumentedLoggingWit, (string)symbol.GetMembers("WitText").OfType<IFieldSymbol>().Single().ConstantValue!);
    }

    private const string Counters = """
        namespace Example.Sample;

        /// <summary>A number the host keeps.</summary>
        internal interface ICounter : System.IDisposable
        {
            /// <summary>Adds <paramref name="n"/>.</summary>
            uint Add(uint n);

            /// <summary>A new counter with this one's value.</summary>
            ICounter Fork();

            /// <summary>A C# helper, left out.</summary>
            static uint Zero() => 0;
        }

        internal sealed record Pair(ICounter First, ICounter Second);

        [WitHost("example:sample/counters")]
        internal partial interface ICounters
        {
            ICounter Open(string name);
            string NameOf(ICounter counter);
            uint Total(ICounter[] counters, ICounter? extra);
            Pair Both(ICounter left);
        }

        [WitHost]
        [WitImport(typeof(ICounters))]
        internal partial class CounterHost;
        """;

    /// <summary>
    /// An interface extending IDisposable is a resource: its methods are the resource's, a
    /// parameter of its type is a borrow, and every other use is an own. The generated host
    /// compiles against the user's interfaces.
    /// </summary>
    [Fact]
    public void ADisposableInterfaceIsAResourceBorrowedAsAParameterAndOwnedElsewhere()
    {
        var run = Run(Counters);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(
            "package example:sample;\n\ninterface counters {\n"
            + "  /// A number the host keeps.\n  resource counter {\n    /// Adds `n`.\n    add: func(n: u32) -> u32;\n    /// A new counter with this one's value.\n    fork: func() -> counter;\n  }\n\n"
            + "  record pair {\n    first: counter,\n    second: counter,\n  }\n\n"
            + "  open: func(name: string) -> counter;\n"
            + "  name-of: func(counter: borrow<counter>) -> string;\n"
            + "  total: func(counters: list<counter>, extra: option<counter>) -> u32;\n"
            + "  both: func(left: borrow<counter>) -> pair;\n"
            + "}\n",
            WitText(run, "Example.Sample.ICounters"));
        var host = run.GeneratedSources.Single(source => source.Key.EndsWith("CounterHost.WitHost.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("HandleTable<global::Example.Sample.ICounter>", host, StringComparison.Ordinal);
        Assert.Contains(".Fork()", host, StringComparison.Ordinal);
        Assert.DoesNotContain(run.GeneratedSources.Keys, key => key.Contains("example.sample.counters", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The same interfaces exported: the guest implements the resource, and the generated handle
    /// class implements the user's interface, so the host's code sees only its own types.
    /// </summary>
    [Fact]
    public void AnExportedDisposableInterfaceIsAGuestResourceWhoseHandleClassImplementsIt()
    {
        var run = Run(Counters.Replace("[WitImport(typeof(ICounters))]", "[WitExport(typeof(ICounters))]", StringComparison.Ordinal));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var handleClass = run.Output.GetTypeByMetadataName("Example.Sample.Counters.Counter")!;
        Assert.Equal(Accessibility.Internal, handleClass.DeclaredAccessibility);
        Assert.Contains(handleClass.AllInterfaces, type => type.ToDisplayString() == "Example.Sample.ICounter");
        Assert.Contains(handleClass.AllInterfaces, type => type.ToDisplayString() == "WitHost.IGuestResource");
        var guest = run.GeneratedSources.Single(source => source.Key.EndsWith("CounterHost.Guest.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("public global::Example.Sample.ICounter Open(string name)", guest, StringComparison.Ordinal);
        Assert.Contains("public global::Example.Sample.Pair Both(global::Example.Sample.ICounter left)", guest, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMappedTypeIsWrittenAsWit()
    {
        var run = WitCase.Run("csharp-first");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
            """
            package example:shapes@0.1.0;

            interface geometry {
              record point {
                x: s32,
                y: s32,
              }

              flags axes {
                x,
                y,
              }

              record size {
                width: f64,
                height: f64,
              }

              variant shape {
                circle(f64),
                rectangle(size),
                dot,
              }

              enum level {
                debug,
                info,
                warning,
              }

              add: func(a: s32, b: s32) -> s32;
              translate: func(p: point, dx: s32, dy: s32) -> point;
              sum: func(values: list<s32>) -> s64;
              divide: func(a: u32, b: u32) -> result<u32, string>;
              split: func(text: string) -> list<string>;
              index-of: func(items: list<string>, needle: string) -> option<u32>;
              mirror: func(axes: axes) -> axes;
              area: func(shape: shape) -> f64;
              first-char: func(text: string) -> char;
              swap: func(pair: tuple<string, u32>) -> tuple<u32, string>;
              bytes: func(level: option<level>) -> list<u8>;
            }

            """.Replace("\r\n", "\n"),
            WitText(run, "Example.Shapes.IGeometry"));
    }

    [Fact]
    public void ResultsWithUnitSidesNestedOptionsKeywordsAndWitNames()
    {
        var run = Run("""
            using System.Collections.Generic;

            namespace Example.Misc;

            internal sealed record Item([property: WitName("item-id")] ulong Id, string? Note, byte[] Payload);

            [WitHost("example:misc/store@1.2.0-rc.1")]
            internal partial interface IStore
            {
                Result<Unit, string> Put(Item item);

                Result<Item, Unit> Get(ulong id);

                Result<Unit, Unit> Touch();

                Option<uint?> Find(List<string> @type);

                [WitName("list-all")]
                IReadOnlyList<(string, sbyte, short, ushort, long, float, bool)> Everything();
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(
            """
            package example:misc@1.2.0-rc.1;

            interface store {
              record item {
                item-id: u64,
                note: option<string>,
                payload: list<u8>,
              }

              put: func(item: item) -> result<_, string>;
              get: func(id: u64) -> result<item>;
              touch: func() -> result;
              find: func(%type: list<string>) -> option<option<u32>>;
              list-all: func() -> list<tuple<string, s8, s16, u16, s64, f32, bool>>;
            }

            """.Replace("\r\n", "\n"),
            WitText(run, "Example.Misc.IStore"));
    }

    [Fact]
    public void TheDerivedWitIsResolvedByTheWitFrontEnd()
    {
        var run = WitCase.Run("csharp-first");
        var host = WitText(run, "Example.Shapes.ShapesHost");
        var geometry = WitText(run, "Example.Shapes.IGeometry");

        var resolution = WitResolver.ResolveSources(
            new[] { new WitSourceFile("/derived/shapes.wit", host) },
            new[] { new[] { new WitSourceFile("/derived/geometry.wit", geometry) } });

        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics));
        var world = Assert.Single(resolution.Root!.Worlds);
        Assert.Equal("example:shapes/shapes-host", world.QualifiedName);
        Assert.Equal(2, world.Imports.Count + world.Exports.Count);
    }

    [Theory]
    [InlineData("LogU32", "log-u32")]
    [InlineData("firstValue", "first-value")]
    [InlineData("HTTPServer", "http-server")]
    [InlineData("GetHTTP2Stream", "get-http2-stream")]
    [InlineData("max_count", "max-count")]
    [InlineData("Utf8Name", "utf8-name")]
    [InlineData("@in", "in")]
    [InlineData("X", "x")]
    public void CSharpNamesBecomeKebabCase(string csharp, string wit)
        => Assert.Equal(wit, WitNames.FromCSharp(csharp));

    [Theory]
    [InlineData("_1")]
    [InlineData("Größe")]
    [InlineData("Value_2")]
    public void NamesWithoutAWitFormAreRefused(string csharp)
        => Assert.Null(WitNames.FromCSharp(csharp));

    /// <summary>The <c>WitText</c> constant generated for <paramref name="type"/>.</summary>
    internal static string WitText(GeneratorRun run, string type)
    {
        var symbol = run.Output.GetTypeByMetadataName(type) ?? throw new InvalidOperationException(type + " not found");
        var field = symbol.GetMembers("WitText").OfType<IFieldSymbol>().Single();
        return (string)field.ConstantValue!;
    }

    internal static GeneratorRun Run(string source)
        => GeneratorHarness.Run("/project/Contracts.cs", "using WitHost;\n\n" + source + "\n", Array.Empty<AdditionalText>());
}
