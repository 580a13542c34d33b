using WitHost.Analyzers.CodeFixes;
using WitHost.Analyzers.Hosts;
using WitHost.Analyzers.Tests.TestSupport;

namespace WitHost.Analyzers.Tests;

/// <summary>WITHOST1002: the C#-first form names an interface its package (defined in .wit files) lacks.</summary>
public sealed class InterfaceNameTests
{
    private const string Wit = "package example:logging@0.1.0;\ninterface logger { log: func(message: string); }\ninterface sink { flush: func(); }\n";

    [Fact]
    public async Task MissingInterfaceIsReportedWithTheClosestAndReplaced()
    {
        const string source = """
            [WitHost.WitHost({|#0:"example:logging/loger@0.1.0"|})]
            public partial interface ILogger
            {
                void Log(string message);
            }
            """;
        const string fixedSource = """
            [WitHost.WitHost("example:logging/logger@0.1.0")]
            public partial interface ILogger
            {
                void Log(string message);
            }
            """;
        var test = Verify.CodeFix<HostDeclarationAnalyzer, ReplaceWitNameCodeFixProvider>(source, fixedSource).WithWit("wit/logging.wit", Wit)
            .Expecting(Descriptors.InterfaceNotFound, "The package 'example:logging@0.1.0' has no interface 'loger' (its interfaces: logger, sink); did you mean 'example:logging/logger@0.1.0'?");
        await test.RunAsync();
    }

    [Fact]
    public async Task ExistingInterfacesAndPackagesNoWitFileDefinesAreNotReported()
    {
        const string source = """
            [WitHost.WitHost("example:logging/logger")]
            public partial interface ILogger
            {
                void Log(string message);
            }

            [WitHost.WitHost("example:metrics/counter")]
            public partial interface ICounter
            {
                void Add(uint value);
            }

            // Another version of the package than the .wit file's is another package.
            [WitHost.WitHost("example:logging/audit@0.2.0")]
            public partial interface IAudit
            {
                void Record(string entry);
            }
            """;
        await Verify.Analyzer<HostDeclarationAnalyzer>(source).WithWit("wit/logging.wit", Wit).RunAsync();
    }

    [Fact]
    public async Task PackageSplitOverFilesOfADirectoryIsFound()
    {
        const string source = """
            [WitHost.WitHost({|WITHOST1002:"example:split/typs"|})]
            public partial interface ITypes
            {
            }
            """;
        await Verify.Analyzer<HostDeclarationAnalyzer>(source)
            .WithWit("wit/split/types.wit", "package example:split;\ninterface types { use api.{id}; }\n")
            .WithWit("wit/split/api.wit", "package example:split;\ninterface api { type id = u32; }\n")
            .RunAsync();
    }
}
