using WitHost.Cli;

namespace WitHost.Abi.Tests;

/// <summary>
/// <c>wit-host call --guest-output</c> on tests/guests/stdio.wasm: what the guest prints reaches the
/// command's standard error by default, never its standard output, and nothing with <c>none</c>.
/// </summary>
public sealed class CliCallGuestOutputTests : IDisposable
{
    private const string StdioWit = """
        package test:stdio;

        world stdio {
          export print-both: func(n: s32) -> s32;
        }
        """;

    private readonly string _witPath = Path.Combine(Path.GetTempPath(), $"withost-stdio-{Guid.NewGuid():N}.wit");

    public CliCallGuestOutputTests() => File.WriteAllText(_witPath, StdioWit);

    public void Dispose() => File.Delete(_witPath);

    [Fact]
    public void ByDefaultTheGuestsOutputGoesToStandardErrorAndTheResultAloneToStandardOutput()
    {
        var (exitCode, output, error) = Call("print-both(7)");

        Assert.True(exitCode == 0, error);
        Assert.Equal("0\n", output);
        Assert.Contains("guest stdout 7\n", error);
        Assert.Contains("guest stderr 7\n", error);
    }

    [Fact]
    public void WithNoneTheGuestsOutputIsDropped()
    {
        var (exitCode, output, error) = Call("print-both(7)", "--guest-output", "none");

        Assert.True(exitCode == 0, error);
        Assert.Equal("0\n", output);
        Assert.DoesNotContain("guest", error);
    }

    [Fact]
    public void AnUnknownGuestOutputIsBadUsage()
    {
        var (exitCode, output, error) = Call("print-both(7)", "--guest-output", "stdout");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("unknown guest output 'stdout'", error);
    }

    private (int ExitCode, string Output, string Error) Call(string call, params string[] options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = WitHostCli.Run(
            ["call", RepositoryPaths.Under("tests/guests/stdio.wasm"), "--wit", _witPath, .. options, call],
            output,
            error);
        return (exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString().Replace("\r\n", "\n"));
    }
}
