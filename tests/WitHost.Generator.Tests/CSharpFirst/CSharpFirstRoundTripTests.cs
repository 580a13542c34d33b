using Microsoft.CodeAnalysis;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests.CSharpFirst;

/// <summary>
/// C# → WIT → C#: a host generated from C#-first interfaces and a host generated from the .wit
/// text derived from them must get the same stubs. The C# here is written with the names and
/// types the .wit path generates (types in the interface's namespace, arrays for lists), so the
/// two hosts' files can be compared character for character.
/// </summary>
public sealed class CSharpFirstRoundTripTests
{
    private const string Contracts = """
        using WitHost;

        namespace Example.Calc
        {
            [WitHost("example:calc/logging")]
            internal partial interface ILogging
            {
                void Log(Example.Calc.Logging.Level level, string message);

                ulong Tick();
            }

            [WitHost("example:calc/ops")]
            internal partial interface IOps
            {
                Example.Calc.Ops.Pair Swap(Example.Calc.Ops.Pair pair);

                uint[] Evens(uint[] values);

                string? Name(Example.Calc.Ops.Color? color);

                Result<uint, string> Div(uint a, uint b);

                (string, ulong)[] Zip(string[] names, ulong[] numbers);
            }

            [WitHost]
            [WitImport(typeof(ILogging))]
            [WitExport(typeof(IOps))]
            internal partial class CalcHost;
        }

        namespace Example.Calc.Logging
        {
            internal enum Level
            {
                Debug,
                Info,
            }
        }

        namespace Example.Calc.Ops
        {
            internal sealed record Pair(int Left, string Right);

            internal enum Color
            {
                Red,
                Green,
            }
        }
        """;

    [Fact]
    public void TheDerivedWitGeneratesTheSameStubs()
    {
        var csharpFirst = GeneratorHarness.Run("/project/Contracts.cs", Contracts, Array.Empty<AdditionalText>());
        Assert.Empty(csharpFirst.GeneratorDiagnostics);
        Assert.Empty(csharpFirst.CompilationProblems);
        var derived = CSharpFirstDerivationTests.WitText(csharpFirst, "Example.Calc.CalcHost");

        var fromWit = GeneratorHarness.Run(
            "/project/Host.cs",
            "using WitHost;\n\nnamespace Example.Calc;\n\n[WitHost(\"calc.wit\")]\ninternal partial class CalcHost;\n",
            new[] { (AdditionalText)new InMemoryAdditionalText("/project/calc.wit", derived) },
            "/project");
        Assert.Empty(fromWit.GeneratorDiagnostics);
        Assert.Empty(fromWit.CompilationProblems);

        // The .wit host declares the types and the imported interface itself; the C#-first host uses the user's.
        Assert.Contains("example.calc.logging.g.cs", fromWit.GeneratedSources.Keys);
        Assert.DoesNotContain("example.calc.logging.g.cs", csharpFirst.GeneratedSources.Keys);

        Assert.Equal(fromWit.GeneratedSources["Example.Calc.CalcHost.WitHost.g.cs"], csharpFirst.GeneratedSources["Example.Calc.CalcHost.WitHost.g.cs"]);

        // The only difference in the guest: the C#-first export class implements the user's interface.
        const string implements = " : global::Example.Calc.IOps";
        var guest = csharpFirst.GeneratedSources["Example.Calc.CalcHost.Guest.g.cs"];
        Assert.Contains("public sealed class OpsExports" + implements + "\n", guest);
        Assert.Equal(fromWit.GeneratedSources["Example.Calc.CalcHost.Guest.g.cs"], guest.Replace(implements, ""));
    }
}
