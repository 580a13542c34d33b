using WitHost.Cli;

namespace WitHost.Abi.Tests;

/// <summary>
/// <c>wit-host call</c> on tests/guests/wasip2.wasm (world tests/WitHost.Bindings.Tests/wit/wasip2.wit),
/// whose exports exit: the command ends there with the guest's status, as a command that exits does.
/// </summary>
public sealed class CliCallExitTests
{
    [Theory]
    [InlineData("exit-string(1)", 1)]
    [InlineData("exit-with-code(42)", 42)]
    [InlineData("exit(0)", 0)]
    [InlineData("proc-exit(300)", 1)]
    public void An_exit_ends_the_command_with_the_guests_status_and_runs_no_later_call(string call, int exitCode)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = WitHostCli.Run(
            ["call", RepositoryPaths.Under("tests/guests/wasip2.wasm"), "--wit", RepositoryPaths.Under("tests/WitHost.Bindings.Tests/wit/wasip2.wit"), "random-u64()", call, "ran-after-exit()"],
            output,
            error);

        Assert.Equal(exitCode, code);
        // The first call's result only: the exit printed none, and the last call did not run.
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"exit: {call[..call.IndexOf('(')]} exited with status ", error.ToString());
    }
}
