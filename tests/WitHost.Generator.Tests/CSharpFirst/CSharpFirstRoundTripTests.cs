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
        var fromWit = AssertSameStubs(csharpFirst, "Example.Calc", "CalcHost", "Ops");

        // The .wit host declares the types and the imported interface itself; the C#-first host uses the user's.
        Assert.Contains("example.calc.logging.g.cs", fromWit.GeneratedSources.Keys);
        Assert.DoesNotContain("example.calc.logging.g.cs", csharpFirst.GeneratedSources.Keys);
    }

    /// <summary>
    /// Generates host <paramref name="hostClass"/> of namespace <paramref name="ns"/> from the WIT
    /// derived in <paramref name="csharpFirst"/> and asserts that both get the same host and guest
    /// files, but for the C#-first export class of interface <c>I</c><paramref name="exported"/>
    /// implementing the user's interface. Returns the .wit path's run.
    /// </summary>
    internal static GeneratorRun AssertSameStubs(GeneratorRun csharpFirst, string ns, string hostClass, string exported)
    {
        var derived = CSharpFirstDerivationTests.WitText(csharpFirst, ns + "." + hostClass);
        var fromWit = GeneratorHarness.Run(
            "/project/Host.cs",
            $"using WitHost;\n\nnamespace {ns};\n\n[WitHost(\"host.wit\")]\ninternal partial class {hostClass};\n",
            new[] { (AdditionalText)new InMemoryAdditionalText("/project/host.wit", derived) },
            "/project");
        Assert.Empty(fromWit.GeneratorDiagnostics);
        Assert.Empty(fromWit.CompilationProblems);

        var prefix = ns + "." + hostClass;
        Assert.Equal(fromWit.GeneratedSources[prefix + ".WitHost.g.cs"], csharpFirst.GeneratedSources[prefix + ".WitHost.g.cs"]);

        // The only difference in the guest: the C#-first export class implements the user's interface.
        var implements = " : global::" + ns + ".I" + exported;
        var guest = csharpFirst.GeneratedSources[prefix + ".Guest.g.cs"];
        Assert.Contains("public sealed class " + exported + "Exports" + implements + "\n", guest);
        Assert.Equal(fromWit.GeneratedSources[prefix + ".Guest.g.cs"], guest.Replace(implements, ""));
        return fromWit;
    }
}
