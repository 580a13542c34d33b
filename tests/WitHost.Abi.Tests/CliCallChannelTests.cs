using WitHost.Cli;

namespace WitHost.Abi.Tests;

/// <summary>
/// <c>wit-host call</c> has no streams or futures of its own to give a guest or read from one, and
/// a number in their place would be a handle of the guest's own table: a call of an export whose
/// type holds one, and an <c>--import</c> answer for such an import, are refused when parsed, and
/// an import holding one fails the call that reaches it, naming the import and the type, whatever
/// <c>--imports</c> says (tests/guests/async.wasm and tests/guests/channels.wasm).
/// </summary>
public sealed class CliCallChannelTests
{
    [Theory]
    [InlineData("jobs#consume(1, 4)", "stream<u8>")]
    [InlineData("jobs#produce(3, 1)", "stream<u8>")]
    [InlineData("example:concurrency/jobs#promise(3)", "future<u32>")]
    [InlineData("jobs#await-value(0)", "future<u32>")]
    public void An_export_passing_a_stream_or_future_is_refused_before_anything_runs(string call, string channel)
    {
        var (exitCode, output, error) = Call("tests/guests/async.wasm", "wit/async.wit", ["--imports", "default"], "jobs#yield-times(1)", call);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"passes {channel}, and wit-host call has no streams or futures to give or read", error);
    }

    [Fact]
    public void An_import_answer_for_an_import_passing_a_stream_is_refused()
    {
        var (exitCode, output, error) = Call("tests/guests/channels.wasm", "wit/channels.wit", ["--import", "files#open=1"], "jobs#read-all(\"x\", 4)");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("error: --import files#open passes stream<u8>, and wit-host call has no streams or futures", error);
    }

    [Theory]
    [InlineData("jobs#read-all(\"x\", 4)", "example:channels/files#open passes stream<u8>")]
    [InlineData("jobs#append-all(3, 1)", "example:channels/files#append passes stream<u8>")]
    [InlineData("jobs#scale-later(3, 2)", "example:channels/files#scale passes future<u32>")]
    [InlineData("jobs#read-and-status(\"x\", 4)", "example:channels/files#read-via-stream passes stream<u8> and future<result<_, string>>")]
    public void An_import_passing_a_stream_or_future_fails_the_call_that_reaches_it(string call, string refusal)
    {
        // Served with --imports default, each would have answered with a number at once: a handle
        // of the guest's own table, or a stream left in it that nobody reads.
        var (exitCode, output, error) = Call("tests/guests/channels.wasm", "wit/channels.wit", ["--imports", "default", "--timeout", "20"], call);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("trap: ", error);
        Assert.Contains("NotSupportedException: import " + refusal + ", and wit-host call has no streams or futures to give or read", error);
    }

    private static (int ExitCode, string Output, string Error) Call(string guest, string wit, string[] options, params string[] calls)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = WitHostCli.Run(["call", RepositoryPaths.Under(guest), "--wit", RepositoryPaths.Under(wit), .. options, .. calls], output, error);
        return (exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString());
    }
}
