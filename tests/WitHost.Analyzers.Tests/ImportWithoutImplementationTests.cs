using WitHost.Analyzers.Imports;
using WitHost.Analyzers.Tests.TestSupport;

namespace WitHost.Analyzers.Tests;

/// <summary>WITHOST1003: an import of a generated host given null instead of an implementation.</summary>
public sealed class ImportWithoutImplementationTests
{
    // The shape HostEmitter generates for a world importing `logging` and `clock`: a nested Imports
    // class with one required property per imported interface, and Instantiate taking it.
    private const string Host = """
        using WitHost;

        public interface ILogging { void Log(string message); }
        public interface IClock { ulong Now(); }

        [WitHost("sample.wit")]
        public partial class SampleHost
        {
            public sealed class Imports
            {
                public required ILogging Logging { get; init; }
                public required IClock Clock { get; set; }
            }

            public static object Instantiate(object module, Imports imports) => imports;
        }

        public sealed class ConsoleLogging : ILogging { public void Log(string message) { } }
        public sealed class FixedClock : IClock { public ulong Now() => 0; }

        """;

    [Fact]
    public async Task NullAndDefaultInitializersAreReportedAtTheValue()
    {
        const string source = Host + """
            public static class Program
            {
                public static void Run(object module)
                {
                    SampleHost.Instantiate(module, new SampleHost.Imports { Logging = {|#0:null!|}, Clock = new FixedClock() });
                    SampleHost.Instantiate(module, new SampleHost.Imports { Logging = {|#1:null|}, Clock = {|#2:default!|} });
                    var imports = new SampleHost.Imports { Logging = new ConsoleLogging(), Clock = {|#3:default(IClock)|} };
                    SampleHost.Instantiate(module, imports);
                }
            }
            """;
        var test = Verify.Analyzer<ImportWithoutImplementationAnalyzer>(source);
        test.Expecting(Descriptors.ImportWithoutImplementation, "The import 'Logging' of 'SampleHost' is set to null; Instantiate will refuse it");
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.ImportWithoutImplementation).WithLocation(1).WithArguments("Logging", "SampleHost"));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.ImportWithoutImplementation).WithLocation(2).WithArguments("Clock", "SampleHost"));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.ImportWithoutImplementation).WithLocation(3).WithArguments("Clock", "SampleHost"));
        test.WithWit("sample.wit", "package example:sample;\nworld sample {}\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task NullAssignedLaterIsReported()
    {
        const string source = Host + """
            public static class Program
            {
                public static void Run(object module)
                {
                    var imports = new SampleHost.Imports { Logging = new ConsoleLogging(), Clock = new FixedClock() };
                    imports.Clock = {|WITHOST1003:null!|};
                    SampleHost.Instantiate(module, imports);
                }
            }
            """;
        await Verify.Analyzer<ImportWithoutImplementationAnalyzer>(source).WithWit("sample.wit", "package example:sample;\nworld sample {}\n").RunAsync();
    }

    [Fact]
    public async Task ImplementationsAndOtherImportsClassesAreNotReported()
    {
        const string source = Host + """
            // Not a host: its nested Imports is someone else's.
            public partial class Plugin
            {
                public sealed class Imports { public ILogging? Logging { get; init; } }
            }

            public static class Program
            {
                public static void Run(object module, IClock? maybeClock)
                {
                    SampleHost.Instantiate(module, new SampleHost.Imports { Logging = new ConsoleLogging(), Clock = maybeClock ?? new FixedClock() });
                    _ = new Plugin.Imports { Logging = null };
                    ILogging? local = null;
                    _ = local;
                }
            }
            """;
        await Verify.Analyzer<ImportWithoutImplementationAnalyzer>(source).WithWit("sample.wit", "package example:sample;\nworld sample {}\n").RunAsync();
    }
}
