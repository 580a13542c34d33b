using WitHost.Generator;
using WitHost.Analyzers.Tests.TestSupport;

namespace WitHost.Analyzers.Tests;

/// <summary>WITHOST0003: the .wit path is not among the AdditionalFiles; the message names the item to add. Reported by the generator in a build.</summary>
public sealed class WitPathTests
{
    private const string Wit = "package example:api;\nworld one {}\n";

    [Fact]
    public async Task MissingFileIsReportedAtThePathWithTheItemToAdd()
    {
        const string source = """
            using WitHost;

            [WitHost({|#0:"wit/absent.wit"|})]
            internal partial class Host;
            """;
        var test = Verify.Generator(source).WithWit("other.wit", Wit)
            .Expecting(DiagnosticDescriptors.WitPathNotFound, "No .wit file or directory 'wit/absent.wit' is among the AdditionalFiles (looked for /project/wit/absent.wit); add <AdditionalFiles Include=\"wit/absent.wit\" /> to the project file");
        await test.RunAsync();
    }

    [Fact]
    public async Task MissingDirectoryAsksForItsWitFiles()
    {
        const string source = """
            using WitHost;

            [WitHost({|#0:"wit/sample/"|})]
            internal partial class Host;
            """;
        var test = Verify.Generator(source)
            .Expecting(DiagnosticDescriptors.WitPathNotFound, "No .wit file or directory 'wit/sample/' is among the AdditionalFiles (looked for /project/wit/sample); add <AdditionalFiles Include=\"wit/sample/**/*.wit\" /> to the project file");
        await test.RunAsync();
    }

    [Fact]
    public async Task FilesAndDirectoriesThatAreAdditionalFilesAreNotReported()
    {
        const string source = """
            using WitHost;

            [WitHost("wit/api.wit")]
            internal partial class FileHost;

            [WitHost("wit/split")]
            internal partial class DirectoryHost;
            """;
        await Verify.Generator(source)
            .WithWit("wit/api.wit", Wit)
            .WithWit("wit/split/types.wit", "package example:split;\ninterface types { type id = u32; }\n")
            .WithWit("wit/split/world.wit", "package example:split;\nworld host { import types; }\n")
            .RunAsync();
    }

    [Fact]
    public async Task CSharpFirstInterfaceReadsNoWitFile()
    {
        // `[WitHost("ns:pkg/iface")]` on an interface names the WIT interface it defines; it is not a path.
        const string source = """
            [WitHost.WitHost("example:logging/logger")]
            public partial interface ILogger
            {
                void Log(string message);
            }
            """;
        await Verify.Generator(source).RunAsync();
    }
}
