using Microsoft.CodeAnalysis;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests.CSharpFirst;

/// <summary>
/// The generator's diagnostics for C#-first code (WITHOST0100–0106), each at the C# it is about:
/// the type written in the signature, the member, the attribute argument.
/// </summary>
public sealed class CSharpFirstDiagnosticTests
{
    private const string Path = "/project/Contracts.cs";

    [Fact]
    public void AParameterTypeWithoutWitFormPointsAtTheType()
    {
        var source = Source("""
            [WitHost("example:api/log")]
            internal partial interface ILog
            {
                void Write(string text, char separator);
            }
            """);
        var diagnostic = Single(source, "WITHOST0100");
        AssertAt(source, diagnostic, "char", after: "string text, ");
        Assert.Equal("The C# type 'char' has no WIT form: a char is a UTF-16 code unit, not a Unicode scalar value; use System.Text.Rune for WIT's char", diagnostic.GetMessage());
    }

    [Fact]
    public void AnAsyncMethodWithoutATrailingCancellationTokenPointsAtTheMethod()
    {
        var source = Source("""
            [WitHost("example:api/jobs")]
            internal partial interface IJobs
            {
                global::System.Threading.Tasks.ValueTask<uint> RunAsync(uint times);
            }
            """);
        var diagnostic = Single(source, "WITHOST0104");
        AssertAt(source, diagnostic, "RunAsync");
        Assert.Equal(
            "The member 'RunAsync' has no WIT form: an async method (one returning Task or ValueTask) takes a CancellationToken as its last parameter, cancelled when the guest cancels the call",
            diagnostic.GetMessage());
    }

    [Fact]
    public void ACancellationTokenThatIsNotAnAsyncMethodsLastParameterPointsAtIt()
    {
        var source = Source("""
            [WitHost("example:api/jobs")]
            internal partial interface IJobs
            {
                global::System.Threading.Tasks.Task RunAsync(global::System.Threading.CancellationToken first, uint times, global::System.Threading.CancellationToken last);
            }
            """);
        var diagnostic = Single(source, "WITHOST0100");
        AssertAt(source, diagnostic, "global::System.Threading.CancellationToken", after: "RunAsync(");
        Assert.Contains("a CancellationToken is only the last parameter of an async method", diagnostic.GetMessage());
    }

    [Fact]
    public void AValueTaskThatIsNotAMethodsResultPointsAtIt()
    {
        var source = Source("""
            [WitHost("example:api/jobs")]
            internal partial interface IJobs
            {
                void Wait(global::System.Threading.Tasks.ValueTask<uint> done);
            }
            """);
        var diagnostic = Single(source, "WITHOST0100");
        AssertAt(source, diagnostic, "global::System.Threading.Tasks.ValueTask<uint>");
        Assert.Contains("a ValueTask is only the result of an async method; a WIT future is a Task or Task<T>", diagnostic.GetMessage());
    }

    [Fact]
    public void AReturnTypeWithoutWitFormPointsAtTheReturnType()
    {
        var source = Source("""
            internal sealed class Thing
            {
            }

            internal sealed record Holder(Thing Inner);

            [WitHost("example:api/things")]
            internal partial interface IThings
            {
                Holder Get();
            }
            """);
        var diagnostic = Single(source, "WITHOST0100");

        // Found inside the record, reported where the interface uses it.
        AssertAt(source, diagnostic, "Holder", after: "{\n    ");
        Assert.Contains("'global::Example.Thing'", diagnostic.GetMessage());
    }

    [Fact]
    public void TwoMethodsWithOneWitNamePointAtTheSecond()
    {
        var source = Source("""
            [WitHost("example:api/log")]
            internal partial interface ILog
            {
                void LogU32(uint a);

                [WitName("log-u32")]
                void Other(uint a);
            }
            """);
        var diagnostic = Single(source, "WITHOST0101");
        AssertAt(source, diagnostic, "Other");
        Assert.Equal("'LogU32' and 'Other' both map to the WIT name 'log-u32'; rename one or give it another with [WitName(\"…\")]", diagnostic.GetMessage());
    }

    [Fact]
    public void AnInvalidInterfaceNamePointsAtTheArgument()
    {
        var source = Source("""
            [WitHost("example/api:log")]
            internal partial interface ILog
            {
                void Write(string text);
            }
            """);
        var diagnostic = Single(source, "WITHOST0102");
        AssertAt(source, diagnostic, "\"example/api:log\"");
    }

    [Fact]
    public void ANonPartialInterfaceIsReportedAndGeneratesNothing()
    {
        // WITHOST0001, as for a host class (the make-partial fix acts on it).
        var source = Source("""
            [WitHost("example:api/log")]
            internal interface ILog
            {
                void Write(string text);
            }
            """);
        var run = Run(source);
        AssertAt(source, Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "WITHOST0001"), "ILog");
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void ANameWhoseOnlyFaultIsItsSpellingIsLeftToTheAnalyzers()
    {
        // WITHOST1001 comes from WitHost.Analyzers, with the kebab-case spelling as a fix.
        var source = Source("""
            [WitHost("example:Api/log@1.0.0")]
            internal partial interface ILog
            {
                void Write(string text);
            }
            """);
        AssertLeftToTheAnalyzers(Run(source));
    }

    [Fact]
    public void APropertyPointsAtItsName()
    {
        var source = Source("""
            [WitHost("example:api/log")]
            internal partial interface ILog
            {
                int Level { get; }
            }
            """);
        AssertAt(source, Single(source, "WITHOST0104"), "Level");
    }

    [Fact]
    public void ANameWithoutWitFormPointsAtTheMember()
    {
        var source = Source("""
            [WitHost("example:api/log")]
            internal partial interface ILog
            {
                void Größe(string text);
            }
            """);
        AssertAt(source, Single(source, "WITHOST0105"), "Größe");
    }

    [Fact]
    public void ImportingATypeThatIsNotCSharpFirstPointsAtTheArgument()
    {
        var source = Source("""
            [WitHost]
            [WitImport(typeof(System.IDisposable))]
            internal partial class Host;
            """);
        var diagnostic = Single(source, "WITHOST0106");
        AssertAt(source, diagnostic, "typeof(System.IDisposable)");
    }

    [Fact]
    public void AnInterfaceThatIsNotDisposableIsNoResource()
    {
        var source = Source("""
            internal interface ICounter
            {
                uint Value();
            }

            [WitHost("example:api/counters")]
            internal partial interface ICounters
            {
                ICounter Open();
            }
            """);
        var diagnostic = Single(source, "WITHOST0100");
        AssertAt(source, diagnostic, "ICounter", after: "{\n    ");
        Assert.Contains("extends System.IDisposable", diagnostic.GetMessage());
    }

    [Fact]
    public void AResourcePropertyPointsAtTheProperty()
    {
        var source = Source("""
            internal interface ICounter : System.IDisposable
            {
                uint Value { get; }
            }

            [WitHost("example:api/counters")]
            internal partial interface ICounters
            {
                ICounter Open();
            }
            """);
        AssertAt(source, Single(source, "WITHOST0104"), "Value");
    }

    [Fact]
    public void OneResourceTypeInTwoInterfacesOfAWorldIsWarnedAboutAtTheHost()
    {
        var source = Source("""
            internal interface ICounter : System.IDisposable
            {
                uint Value();
            }

            [WitHost("example:api/counters")]
            internal partial interface ICounters
            {
                ICounter Open();
            }

            [WitHost("example:api/readers")]
            internal partial interface IReaders
            {
                uint Read(ICounter counter);
            }

            [WitHost]
            [WitImport(typeof(ICounters))]
            [WitImport(typeof(IReaders))]
            internal partial class Host;
            """);
        var run = Run(source);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITHOST0108", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        AssertAt(source, diagnostic, "WitHost", after: "Read(ICounter counter);\n}\n\n[");
        Assert.Equal(
            "The resource 'Example.ICounter' is used by the C#-first interfaces 'example:api/counters' and 'example:api/readers', each of which declares its own WIT resource 'counter': a handle from one is no handle of the other",
            diagnostic.GetMessage());
        Assert.Empty(run.CompilationProblems);

        // Each interface on its own host: one resource per world, nothing to warn about.
        Assert.Empty(Run(source.Replace("[WitImport(typeof(IReaders))]\n", "", StringComparison.Ordinal)).GeneratorDiagnostics);
    }

    [Fact]
    public void ANestedInterfaceIsReportedAndGeneratesNothing()
    {
        // WITHOST0002, as for a host class.
        var source = Source("""
            internal partial class Outer
            {
                [WitHost("example:api/log")]
                internal partial interface ILog
                {
                    void Write(string text);
                }
            }
            """);
        var run = Run(source);
        AssertAt(source, Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "WITHOST0002"), "ILog");
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void AHostWithoutPathOrInterfacesIsReported()
    {
        var source = Source("""
            [WitHost]
            internal partial class Host;
            """);
        Assert.Equal("WITHOST0009", Assert.Single(Run(source).GeneratorDiagnostics).Id);
    }

    private static string Source(string body) => "using WitHost;\n\nnamespace Example;\n\n" + body.Replace("\r\n", "\n") + "\n";

    private static void AssertLeftToTheAnalyzers(GeneratorRun run)
    {
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }

    private static GeneratorRun Run(string source) => GeneratorHarness.Run(Path, source, Array.Empty<AdditionalText>());

    private static Diagnostic Single(string source, string id)
    {
        var diagnostics = Run(source).GeneratorDiagnostics;
        Assert.True(diagnostics.Length == 1, string.Join("\n", diagnostics));
        Assert.Equal(id, diagnostics[0].Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        return diagnostics[0];
    }

    /// <summary>The diagnostic covers exactly <paramref name="text"/>, found after <paramref name="after"/> (or its only occurrence).</summary>
    private static void AssertAt(string source, Diagnostic diagnostic, string text, string after = "")
    {
        var start = source.IndexOf(after + text, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{after + text}' is not in the source");
        start += after.Length;
        if (after.Length == 0)
        {
            Assert.Equal(start, source.LastIndexOf(text, StringComparison.Ordinal));
        }

        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(start, diagnostic.Location.SourceSpan.Start);
        Assert.Equal(text, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }
}
