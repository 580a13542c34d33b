using WitHost.Cli;

namespace WitHost.Abi.Tests;

/// <summary><c>wit-host call</c> on tests/guests/abi-call.wasm (world wit/abi-call.wit).</summary>
public sealed class CliCallTests
{
    [Theory]
    [InlineData("reverse(\"h\u00e9llo \U0001F44B!\")", "\"!\U0001F44B oll\u00e9h\"")]
    [InlineData("reverse(\"\")", "\"\"")]
    [InlineData("shapes#join([\"a\", \"b\", \"c\"], \", \")", "\"a, b, c\"")]
    [InlineData("test:abi-call/shapes#join([], \"-\")", "\"\"")]
    [InlineData("shapes#area(circle(2.5))", "ok(18.75)")]
    [InlineData("shapes#area(rect({y: 4, x: -3}))", "ok(12)")]
    [InlineData("shapes#area(empty)", "err(\"an empty shape has no area\")")]
    [InlineData("shapes#describe({name: \"box\", tags: [\"x\", \"y\"]}, green, {read, exec})", "ok((\"box [x,y] nowhere green r-x\", 2))")]
    [InlineData("shapes#describe({name: \"b\\u{f6}x\", tags: [\"t\"], origin: some({x: 1, y: -2})}, blue, {write,})", "ok((\"b\u00f6x [t] at (1, -2) blue -w-\", 1))")]
    [InlineData("shapes#describe({name: \"n\", tags: [], origin: none}, red, {})", "err(\"no permissions\")")]
    [InlineData("sum([1, 2, 4294967295, 4294967295])", "8589934593")]
    [InlineData("sum([])", "0")]
    [InlineData("concat9(\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"\U0001F600\")", "\"abcdefgh\U0001F600\"")]
    public void PrintsTheResultInWave(string call, string expected)
    {
        var (exitCode, output, error) = Call(call);

        Assert.True(exitCode == 0, error);
        Assert.Equal(expected, output.TrimEnd('\n'));
    }

    [Fact]
    public void ManyCallsReuseTheGuestHeap()
    {
        // Each call instantiates afresh, but within one call the guest frees what it is handed and
        // cabi_post_* frees what it returns; a long list checks allocation sizes and order.
        var parts = string.Join(", ", Enumerable.Range(0, 500).Select(i => $"\"part{i}\""));
        var (exitCode, output, error) = Call($"shapes#join([{parts}], \"\")");

        Assert.True(exitCode == 0, error);
        Assert.Equal("\"" + string.Concat(Enumerable.Range(0, 500).Select(i => $"part{i}")) + "\"", output.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("bad-string()", "not valid UTF-8")]
    [InlineData("bad-char()", "not a Unicode scalar value")]
    public void InvalidResultsTrap(string call, string reason)
    {
        var (exitCode, output, error) = Call(call);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("trap: ", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void AnImportTheCommandCannotServeFailsTheCallNamingIt()
    {
        var (exitCode, _, error) = Call("call-log(\"hi\")");

        Assert.Equal(1, exitCode);
        Assert.Contains("'log'", error);
        Assert.Contains("$root", error);
    }

    [Theory]
    [InlineData("sum([1, -2])", "-2 is out of range for u32", 9)]
    [InlineData("reverse(5)", "expected '\"'", 9)]
    [InlineData("shapes#area(square)", "variant shape has no case 'square'", 13)]
    public void BadArgumentsSayWhereAndWhy(string call, string reason, int column)
    {
        var (exitCode, _, error) = Call(call);

        Assert.Equal(2, exitCode);
        Assert.Contains(reason, error);
        Assert.Contains($"column {column} ", error);
    }

    [Fact]
    public void AnUnknownExportListsTheExports()
    {
        var (exitCode, _, error) = Call("nope()");

        Assert.Equal(2, exitCode);
        Assert.Contains("exports no function 'nope'", error);
        Assert.Contains("test:abi-call/shapes#describe", error);
    }

    [Theory]
    [InlineData("revers(\"x\")", "'revers' (did you mean 'reverse'?)")]
    [InlineData("shape#area(empty)", "'shape#area' (did you mean 'shapes#area'?)")]
    public void AMisspeltExportSuggestsTheClosestNames(string call, string expected)
    {
        var (exitCode, _, error) = Call(call);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void AMissingWitIsAUsageError()
    {
        var error = new StringWriter();

        var exitCode = WitHostCli.Run(["call", AbiCallGuest.WasmPath, "reverse(\"x\")"], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("--wit", error.ToString());
    }

    [Fact]
    public void AMisspeltWorldIsAUsageErrorNamingTheWorlds()
    {
        var error = new StringWriter();

        var exitCode = WitHostCli.Run(["call", AbiCallGuest.WasmPath, "--wit", AbiCallGuest.WitPath, "--world", "abi-cal", "reverse(\"x\")"], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("no world 'abi-cal' (did you mean 'abi-call'?); it has: abi-call", error.ToString());
    }

    private static (int ExitCode, string Output, string Error) Call(string call)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = WitHostCli.Run(
            ["call", AbiCallGuest.WasmPath, "--wit", AbiCallGuest.WitPath, "--world", "abi-call", call],
            output,
            error);
        return (exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString());
    }
}
