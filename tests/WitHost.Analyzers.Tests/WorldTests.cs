using WitHost.Analyzers.CodeFixes;
using WitHost.Generator;
using WitHost.Analyzers.Tests.TestSupport;

namespace WitHost.Analyzers.Tests;

/// <summary>WITHOST0004 (unknown world, closest names and the replace fix) and WITHOST0005 (ambiguous, the add-world fix), as the generator reports them in a build.</summary>
public sealed class WorldTests
{
    private const string TwoWorlds = "package example:api;\nworld sample {}\nworld round-trip {}\n";

    [Fact]
    public async Task MisspeltWorldIsReportedAtTheStringWithTheClosestName()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = {|#0:"sampel"|})]
            internal partial class Host;
            """;
        var test = Verify.Generator(source).WithWit("api.wit", TwoWorlds)
            .Expecting(DiagnosticDescriptors.WorldNotFound, "The package 'example:api' has no world 'sampel' (its worlds: sample, round-trip); did you mean 'sample'?");
        await test.RunAsync();
    }

    [Fact]
    public async Task FixReplacesTheWorldWithTheSuggestion()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = {|WITHOST0004:"roundtrip"|})]
            internal partial class Host;
            """;
        const string fixedSource = """
            using WitHost;

            [WitHost("api.wit", World = "round-trip")]
            internal partial class Host;
            """;
        await Verify.GeneratorCodeFix<ReplaceWitNameCodeFixProvider>(source, fixedSource).WithWit("api.wit", TwoWorlds).RunAsync();
    }

    [Fact]
    public async Task UnrelatedNameGetsNoSuggestionAndNoFix()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = {|#0:"proxy"|})]
            internal partial class Host;
            """;
        var test = Verify.GeneratorCodeFix<ReplaceWitNameCodeFixProvider>(source, source).WithWit("api.wit", TwoWorlds)
            .Expecting(DiagnosticDescriptors.WorldNotFound, "The package 'example:api' has no world 'proxy' (its worlds: sample, round-trip)");
        await test.RunAsync();
    }

    [Fact]
    public async Task QualifiedWorldsAreLookedUpInEveryPackage()
    {
        const string wit = "package example:api;\nworld sample {}\npackage example:extra { world tool {} }\n";
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = "example:extra/tool")]
            internal partial class Found;

            [WitHost("api.wit", World = {|WITHOST0004:"example:extra/tol"|})]
            internal partial class Misspelt;
            """;
        const string fixedSource = """
            using WitHost;

            [WitHost("api.wit", World = "example:extra/tool")]
            internal partial class Found;

            [WitHost("api.wit", World = "example:extra/tool")]
            internal partial class Misspelt;
            """;
        await Verify.GeneratorCodeFix<ReplaceWitNameCodeFixProvider>(source, fixedSource).WithWit("api.wit", wit).RunAsync();
    }

    [Fact]
    public async Task ExistingWorldAndSingleWorldPackagesAreNotReported()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = "round-trip")]
            internal partial class Named;

            [WitHost("one.wit")]
            internal partial class Implicit;
            """;
        await Verify.Generator(source)
            .WithWit("api.wit", TwoWorlds)
            .WithWit("one.wit", "package example:one;\nworld only {}\n")
            .RunAsync();
    }

    [Fact]
    public async Task BrokenWitGetsItsWitErrorAndNoWorldCheck()
    {
        // The WIT error is reported in the .wit file; whether the world exists is not asked of WIT that does not resolve.
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = "anything")]
            internal partial class Host;
            """;
        var test = Verify.Generator(source).WithWit("api.wit", "package example:api;\nworld w { import f: func() -> ; }\n");
        test.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("WIT0100").WithSpan("/project/api.wit", 2, 31, 2, 32).WithArguments("expected a type, found ';'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AmbiguousWorldIsReportedAtTheAttributeAndFixedByNamingOne()
    {
        const string source = """
            using WitHost;

            [{|#0:WitHost("api.wit")|}]
            internal partial class Host;
            """;
        const string fixedSource = """
            using WitHost;

            [WitHost("api.wit", World = "round-trip")]
            internal partial class Host;
            """;
        var test = Verify.GeneratorCodeFix<AddWorldCodeFixProvider>(source, fixedSource).WithWit("api.wit", TwoWorlds)
            .Expecting(DiagnosticDescriptors.WorldNotSpecified, "The package 'example:api' has 2 worlds (sample, round-trip); name one with [WitHost(\"…\", World = \"name\")]");

        // One action per world, in the package's order: the second picks round-trip.
        test.CodeActionEquivalenceKey = "AddWorldCodeFixProviderround-trip";
        await test.RunAsync();
    }
}
