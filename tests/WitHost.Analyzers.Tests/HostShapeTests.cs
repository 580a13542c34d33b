using WitHost.Analyzers.CodeFixes;
using WitHost.Generator;
using WitHost.Analyzers.Tests.TestSupport;

namespace WitHost.Analyzers.Tests;

/// <summary>WITHOST0001 (not partial, with its code fix) and WITHOST0002 (nested), as the generator reports them in a build.</summary>
public sealed class HostShapeTests
{
    private const string Wit = "package example:api;\nworld one {}\n";

    [Fact]
    public async Task NonPartialClassIsReportedAtItsNameAndMadePartial()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit")]
            internal sealed class {|WITHOST0001:Host|}
            {
            }
            """;
        const string fixedSource = """
            using WitHost;

            [WitHost("api.wit")]
            internal sealed partial class Host
            {
            }
            """;
        await Verify.GeneratorCodeFix<MakePartialCodeFixProvider>(source, fixedSource).WithWit("api.wit", Wit).RunAsync();
    }

    [Fact]
    public async Task NonPartialCSharpFirstInterfaceIsReportedAtItsNameAndMadePartial()
    {
        const string source = """
            using WitHost;

            [WitHost("example:logging/sink")]
            public interface {|WITHOST0001:ISink|}
            {
                void Log(string message);
            }
            """;
        const string fixedSource = """
            using WitHost;

            [WitHost("example:logging/sink")]
            public partial interface ISink
            {
                void Log(string message);
            }
            """;
        await Verify.GeneratorCodeFix<MakePartialCodeFixProvider>(source, fixedSource).WithWit("api.wit", Wit).RunAsync();
    }

    [Fact]
    public async Task ClassWithoutModifiersGetsPartialBeforeTheKeywordKeepingItsIndentation()
    {
        const string source = """
            namespace App
            {
                [WitHost.WitHost("../project/api.wit")]
                class {|WITHOST0001:Host|} { }
            }
            """;
        const string fixedSource = """
            namespace App
            {
                [WitHost.WitHost("../project/api.wit")]
                partial class Host { }
            }
            """;
        await Verify.GeneratorCodeFix<MakePartialCodeFixProvider>(source, fixedSource).WithWit("api.wit", Wit).RunAsync();
    }

    [Fact]
    public async Task EveryDeclarationWithoutPartialIsFixed()
    {
        // The compiler reports the mix (CS0260) at the declaration that lacks partial; the fix removes both.
        const string source = """
            using WitHost;

            [WitHost("api.wit")]
            internal class {|WITHOST0001:{|CS0260:Host|}|}
            {
            }

            internal partial class Host
            {
            }
            """;
        const string fixedSource = """
            using WitHost;

            [WitHost("api.wit")]
            internal partial class Host
            {
            }

            internal partial class Host
            {
            }
            """;
        await Verify.GeneratorCodeFix<MakePartialCodeFixProvider>(source, fixedSource).WithWit("api.wit", Wit).RunAsync();
    }

    [Fact]
    public async Task PartialHostIsNotReported()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit")]
            internal sealed partial class Host;

            internal sealed class NotAHost;
            """;
        await Verify.Generator(source).WithWit("api.wit", Wit).RunAsync();
    }

    [Fact]
    public async Task NestedHostIsReportedAtItsName()
    {
        const string source = """
            using WitHost;

            internal partial class Outer
            {
                [WitHost("api.wit")]
                internal partial class {|WITHOST0002:Host|};
            }
            """;
        await Verify.Generator(source).WithWit("api.wit", Wit).RunAsync();
    }

    [Fact]
    public async Task NestedNonPartialHostGetsBothDiagnostics()
    {
        const string source = """
            using WitHost;

            internal class Outer
            {
                [WitHost("api.wit")]
                internal class {|#0:Host|};
            }
            """;
        var test = Verify.Generator(source).WithWit("api.wit", Wit);
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticDescriptors.HostClassNotPartial).WithLocation(0).WithArguments("Host"));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticDescriptors.HostClassNested).WithLocation(0).WithArguments("Host"));
        await test.RunAsync();
    }
}
