using WitHost.Cli;

namespace WitHost.Abi.Tests;

/// <summary>
/// <c>wit-host call</c> with several calls in one instance, stub imports, and the guest's own
/// resources (tests/guests/resources.wasm exports <c>counter</c>; tests/guests/abi-call.wasm imports
/// <c>log</c> and <c>host-name</c>).
/// </summary>
public sealed class CliCallSessionTests
{
    private static string ResourcesWasm => RepositoryPaths.Under("tests/guests/resources.wasm");

    private static string ResourcesWit => RepositoryPaths.Under("wit/resources.wit");

    [Fact]
    public void Calls_run_in_one_instance_from_constructor_to_drop()
    {
        var (exitCode, output, error) = Run(
            "call", ResourcesWasm, "--wit", ResourcesWit,
            "counters#[constructor]counter(\"a\", 5)",
            "counters#[method]counter.increment(1, 2)",
            "counters#[method]counter.get(1)",
            "counters#live-counters()",
            "counters#[resource-drop]counter(1)",
            "counters#live-counters()");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["1", "7", "7", "1", "()", "0"], Lines(output));
    }

    [Fact]
    public void Calls_are_read_from_standard_input()
    {
        var input = "// a counter, then its name\ncounters#[constructor]counter(\"b\\u{e9}\", -1)\n\ncounters#[method]counter.name(1)\n";

        var (exitCode, output, error) = RunWithInput(input, "call", ResourcesWasm, "--wit", ResourcesWit, "-");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["1", "\"b\u00e9\""], Lines(output));
    }

    [Fact]
    public void A_handle_the_instance_did_not_hand_out_is_refused_before_the_call()
    {
        var (exitCode, output, error) = Run("call", ResourcesWasm, "--wit", ResourcesWit, "counters#[method]counter.get(1)");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("handle 1 of counter was not handed out by this instance (it holds none)", error);
    }

    [Fact]
    public void An_own_handle_given_to_the_guest_is_no_longer_the_commands()
    {
        var (exitCode, output, error) = Run(
            "call", ResourcesWasm, "--wit", ResourcesWit,
            "counters#make-many([\"x\", \"y\"], 10)",
            "counters#[method]counter.absorb(1, 2)",
            "counters#[method]counter.get(1)",
            "counters#[method]counter.get(2)");

        Assert.Equal(2, exitCode);
        Assert.Equal(["[1, 2]", "()", "20"], Lines(output));
        Assert.Contains("handle 2 of counter was not handed out by this instance (it holds 1)", error);
    }

    [Fact]
    public void A_dropped_handle_is_refused_afterwards()
    {
        var (exitCode, output, error) = Run(
            "call", ResourcesWasm, "--wit", ResourcesWit,
            "counters#[constructor]counter(\"a\", 1)",
            "counters#[resource-drop]counter(1)",
            "counters#[resource-drop]counter(1)");

        Assert.Equal(2, exitCode);
        Assert.Equal(["1", "()"], Lines(output));
        Assert.Contains("handle 1 of counter was not handed out", error);
    }

    [Fact]
    public void Imports_trap_naming_themselves_unless_served()
    {
        var (exitCode, _, error) = Call("call-log(\"hi\")");

        Assert.Equal(1, exitCode);
        Assert.Contains("import $root::log is not served (--imports trap)", error);
        Assert.Contains("--import log=<WAVE>", error);
    }

    [Fact]
    public void Default_imports_return_their_result_types_default()
    {
        var (exitCode, output, error) = Call("call-log(\"hi\")", "greet-host()", "--imports", "default");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["()", "\"hello, \""], Lines(output));
    }

    [Fact]
    public void An_import_answers_what_import_says()
    {
        var (exitCode, output, error) = Call("greet-host()", "greet-host()", "--import", "host-name=\"W\\u{f6}rld\"");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["\"hello, W\u00f6rld\"", "\"hello, W\u00f6rld\""], Lines(output));
    }

    [Theory]
    [InlineData("host-nam=\"x\"", "imports no function 'host-nam' (did you mean 'host-name'?)")]
    [InlineData("host-name=5", "at column 1 of the value, a string")]
    [InlineData("log=\"x\"", "--import log: the function returns nothing, so its answer is ()")]
    [InlineData("host-name", "--import expects name=WAVE")]
    public void A_bad_import_answer_is_a_usage_error(string answer, string message)
    {
        var (exitCode, _, error) = Call("greet-host()", "--import", answer);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_resource_the_guest_imports_has_no_default()
    {
        var (exitCode, _, error) = Run("call", ResourcesWasm, "--wit", ResourcesWit, "--imports", "default", "counters#make-blob(\"x\")");

        Assert.Equal(1, exitCode);
        Assert.Contains("no default value of", error);
    }

    [Fact]
    public void Every_call_is_parsed_before_the_first_runs()
    {
        var (exitCode, output, error) = Call("greet-host()", "revers(\"x\")");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("'revers' (did you mean 'reverse'?)", error);
    }

    private static (int ExitCode, string Output, string Error) Call(params string[] callsAndOptions)
        => Run(["call", AbiCallGuest.WasmPath, "--wit", AbiCallGuest.WitPath, "--world", "abi-call", .. callsAndOptions]);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => RunWithInput("", args);

    private static (int ExitCode, string Output, string Error) RunWithInput(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = WitHostCli.Run(args, new StringReader(input), output, error);
        return (exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
