using WitHost.Cli;

namespace WitHost.Abi.Tests;

/// <summary>
/// <c>wit-host call</c> on the async guest (tests/guests/async.wasm, world async-guest of
/// wit/async.wit): async exports driven to their <c>task.return</c>, the async import
/// <c>fetch</c> served by the command's stubs, cancellation by <c>--timeout</c>.
/// </summary>
public sealed class CliCallAsyncTests
{
    [Fact]
    public void An_async_export_awaits_the_stub_import_and_prints_its_result()
    {
        // fetch-sum(k) = fetch(k) + fetch(k + 1): each fetch is the --import answer.
        var (exitCode, output, error) = Call(["--import", "fetcher#fetch=7"], "jobs#fetch-sum(4)", "example:concurrency/jobs#fetch-or-cancel(1)", "jobs#yield-times(3)");

        Assert.True(exitCode == 0, error);
        Assert.Equal("14\n7\n3\n", output);
    }

    [Fact]
    public void Async_methods_and_statics_of_the_guests_resource_run_on_the_handles_it_hands_out()
    {
        // add-fetched(self, k) = self's base + fetch(k); of-fetched(k) makes a counter whose base is fetch(k).
        var (exitCode, output, error) = Call(
            ["--import", "fetcher#fetch=7"],
            "counters#[constructor]counter(5)",
            "counters#[method]counter.add-fetched(1, 3)",
            "example:concurrency/counters#[static]counter.of-fetched(0)",
            "counters#[method]counter.add-fetched(2, 0)",
            "counters#[resource-drop]counter(1)",
            "counters#destroyed()");

        Assert.True(exitCode == 0, error);
        Assert.Equal("1\n12\n2\n14\n()\n1\n", output);
    }

    [Fact]
    public void Imports_default_answers_an_async_import_with_the_default()
    {
        var (exitCode, output, error) = Call(["--imports", "default"], "jobs#fetch-sum(4)");

        Assert.True(exitCode == 0, error);
        Assert.Equal("0\n", output);
    }

    [Fact]
    public void An_unserved_async_import_fails_the_call_naming_it()
    {
        var (exitCode, output, error) = Call([], "jobs#fetch-sum(4)");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("trap: ", error);
        Assert.Contains("[async-lower]fetch is not served (--imports trap)", error);
    }

    [Fact]
    public void Sync_and_async_exports_share_the_instance()
    {
        var (exitCode, output, error) = Call(["--imports", "default"], "tools#error-roundtrip(\"h\u00e9\")", "jobs#yield-times(2)", "tools#parked-set()");

        Assert.True(exitCode == 0, error);
        Assert.Equal("\"h\u00e9\"\n2\n0\n", output);
    }

    [Fact]
    public void A_timeout_cancels_an_async_export_and_the_command_ends()
    {
        // yield-times yields once per count: four billion would take hours. The timeout tells the
        // guest at its next yield, where this guest traps on any event (tests/guests/async.c).
        var (exitCode, output, error) = Call(["--timeout", "0.5"], "jobs#yield-times(4000000000)");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("trap: ", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_timeout_that_is_not_positive_is_a_usage_error(string seconds)
    {
        var (exitCode, _, error) = Call(["--timeout", seconds], "jobs#yield-times(1)");

        Assert.Equal(2, exitCode);
        Assert.Contains("--timeout takes a number of seconds more than 0", error);
    }

    private static (int ExitCode, string Output, string Error) Call(string[] options, params string[] calls)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = WitHostCli.Run(
            ["call", RepositoryPaths.Under("tests/guests/async.wasm"), "--wit", RepositoryPaths.Under("wit/async.wit"), .. options, .. calls],
            output,
            error);
        return (exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString());
    }
}
