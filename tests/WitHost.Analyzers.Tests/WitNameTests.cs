using WitHost.Analyzers.CodeFixes;
using WitHost.Analyzers.Hosts;
using WitHost.Analyzers.Names;
using WitHost.Analyzers.Tests.TestSupport;
using WitHost.Generator;

namespace WitHost.Analyzers.Tests;

/// <summary>WITHOST1001: names that are not kebab-case, and the rename to the valid spelling; a world's name through WITHOST0004.</summary>
public sealed class WitNameTests
{
    private const string Wit = "package example:api;\nworld sample-world {}\nworld other {}\n";

    [Theory]
    [InlineData("SampleWorld", "sample-world")]
    [InlineData("sample_world", "sample-world")]
    [InlineData("sample world", "sample-world")]
    [InlineData("XMLParser", "xml-parser")]
    [InlineData("parseXML", "parse-xml")]
    [InlineData("Vec2D", "vec2-d")]
    [InlineData("--a--b--", "a-b")]
    public void KebabCaseSplitsWordsAndCase(string text, string expected)
        => Assert.Equal(expected, WitNameRepair.ToKebabCase(text));

    [Theory]
    [InlineData("42")]
    [InlineData("___")]
    [InlineData("é")]
    [InlineData("2d-world")]
    public void TextWithoutALeadingAsciiLetterHasNoKebabForm(string text)
        => Assert.Null(WitNameRepair.ToKebabCase(text));

    // A world name is not checked for its spelling on its own: a name that is not kebab-case names
    // no world, and the generator's WITHOST0004 suggests the kebab-case spelling (case and separators
    // count as one edit at most), so one report covers both.

    [Fact]
    public async Task WorldNameInAnotherCaseIsSuggestedInKebabCaseAndRenamed()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = {|#0:"SampleWorld"|})]
            internal partial class Host;
            """;
        const string fixedSource = """
            using WitHost;

            [WitHost("api.wit", World = "sample-world")]
            internal partial class Host;
            """;
        var test = Verify.GeneratorCodeFix<ReplaceWitNameCodeFixProvider>(source, fixedSource).WithWit("api.wit", Wit)
            .Expecting(DiagnosticDescriptors.WorldNotFound, "The package 'example:api' has no world 'SampleWorld' (its worlds: sample-world, other); did you mean 'sample-world'?");
        await test.RunAsync();
    }

    [Fact]
    public async Task QualifiedWorldKeepsItsVersion()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = {|WITHOST0004:"Example:api/sample_world@1.0.0"|})]
            internal partial class Host;
            """;
        const string fixedSource = """
            using WitHost;

            [WitHost("api.wit", World = "example:api/sample-world@1.0.0")]
            internal partial class Host;
            """;
        const string versioned = "package example:api@1.0.0;\nworld sample-world {}\n";
        await Verify.GeneratorCodeFix<ReplaceWitNameCodeFixProvider>(source, fixedSource).WithWit("api.wit", versioned).RunAsync();
    }

    [Fact]
    public async Task CSharpFirstInterfaceNameIsRenamed()
    {
        const string source = """
            [WitHost.WitHost({|#0:"Example:Logging/log_sink@0.1.0"|})]
            public partial interface ILogSink
            {
                void Log(string message);
            }
            """;
        const string fixedSource = """
            [WitHost.WitHost("example:logging/log-sink@0.1.0")]
            public partial interface ILogSink
            {
                void Log(string message);
            }
            """;
        var test = Verify.CodeFix<HostDeclarationAnalyzer, ReplaceWitNameCodeFixProvider>(source, fixedSource)
            .Expecting(Descriptors.InvalidWitName, "'Example:Logging/log_sink@0.1.0' is not a valid WIT name: 'Example': each '-'-separated part must be all lowercase or all uppercase; did you mean 'example:logging/log-sink@0.1.0'?");
        await test.RunAsync();
    }

    [Fact]
    public async Task WorldNameWithoutAValidSpellingIsReportedWithoutAFix()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = {|#0:"42"|})]
            internal partial class Host;
            """;
        var test = Verify.GeneratorCodeFix<ReplaceWitNameCodeFixProvider>(source, source).WithWit("api.wit", Wit)
            .Expecting(DiagnosticDescriptors.WorldNotFound, "The package 'example:api' has no world '42' (its worlds: sample-world, other)");
        await test.RunAsync();
    }

    [Fact]
    public async Task ValidNamesAreNotReported()
    {
        const string source = """
            using WitHost;

            [WitHost("api.wit", World = "sample-world")]
            internal partial class Host;

            [WitHost.WitHost("example:logging/XML-sink")]
            public partial interface IXmlSink
            {
                void Write(string text);
            }
            """;
        await Verify.Analyzer<HostDeclarationAnalyzer>(source).WithWit("api.wit", Wit).RunAsync();
    }
}
