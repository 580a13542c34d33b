using WitHost.Cli;
using WitHost.CrossCheck.Tests;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>
/// <c>wit-host call</c> on a component jco made of the utf16 guest: the call takes the string
/// encoding from the component, and refuses another one asked for on the command line.
/// </summary>
public sealed class CallComponentEncodingTests
{
    private static JcoComponent Utf16 => JcoComponents.Make("tests/guests/encodings-utf16.wasm", "wit/encodings.wit", "encodings", "utf16", adapter: false);

    private static string WitPath => Path.Combine(SharedWit.RepositoryRoot, "wit", "encodings.wit");

    [Fact]
    public void A_component_is_called_in_its_own_string_encoding()
    {
        var (exitCode, output, error) = Run("call", Utf16.Path, "--wit", WitPath, "reverse(\"h\u00e9llo \U0001F44B\")");

        Assert.True(exitCode == 0, error);
        Assert.Equal("\"\U0001F44B oll\u00e9h\"\n", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Another_encoding_than_the_components_is_refused_naming_the_export()
    {
        var (exitCode, output, error) = Run("call", Utf16.Path, "--wit", WitPath, "--string-encoding", "utf8", "reverse(\"abc\")");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("the component lifts reverse with string encoding Utf16, not Utf8", error);
    }

    [Fact]
    public void The_same_encoding_as_the_components_may_be_given()
    {
        var (exitCode, output, error) = Run("call", Utf16.Path, "--wit", WitPath, "--string-encoding", "utf16", "length(\"\U0001F30D\")");

        Assert.True(exitCode == 0, error);
        Assert.Equal("1\n", output.Replace("\r\n", "\n"));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = WitHostCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
