using WitHost.Cli;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Aot;

namespace WitHost.Abi.Tests;

/// <summary><c>wit-host aot</c>: compiles tests/guests/abi-call.wasm, and <c>wit-host call</c> runs the result.</summary>
public sealed class CliAotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("withost-cli-aot").FullName;

    public CliAotTests() => AotCompiler.DriverPath = GuestMode.Driver;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Compiles_a_guest_that_wit_host_call_then_runs()
    {
        string aot = Path.Combine(_directory, "abi-call.aot");
        var (exitCode, output, error) = Run(["aot", AbiCallGuest.WasmPath, "-o", aot]);
        Assert.True(exitCode == 0, error);
        Assert.Contains($"wrote {aot}", output);
        Assert.True(AotImage.Read(File.ReadAllBytes(aot)).HasOriginal);

        (exitCode, output, error) = Run(["call", aot, "--wit", AbiCallGuest.WitPath, "--world", "abi-call", "reverse(\"h\u00e9llo\")"]);
        Assert.True(exitCode == 0, error);
        Assert.Equal("\"oll\u00e9h\"", output.TrimEnd('\n'));
    }

    [Fact]
    public void An_unknown_target_is_an_error_naming_it()
    {
        var (exitCode, _, error) = Run(["aot", AbiCallGuest.WasmPath, "-o", Path.Combine(_directory, "x.aot"), "--target", "pdp11"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("Invalid target", error);
        Assert.False(File.Exists(Path.Combine(_directory, "x.aot")));
    }

    private static (int ExitCode, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = WitHostCli.Run(args, output, error);
        return (exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString());
    }
}
