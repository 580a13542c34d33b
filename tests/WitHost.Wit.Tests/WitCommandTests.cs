using WitHost.Cli;
using WitHost.CrossCheck.Tests;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>
/// <c>wit-host wit</c>, run in-process on components jco made of the project's guests (and on the
/// core modules with the world embedded that they were made from): the same world jco prints,
/// followed by the interfaces it names, text the WIT front end resolves.
/// </summary>
public sealed class WitCommandTests
{
    private static JcoComponent Sample => JcoComponents.Make("samples/HelloWorld/guest/sample.wasm", "wit/sample.wit", "sample", null, adapter: true);

    private static JcoComponent Resources => JcoComponents.Make("tests/guests/resources.wasm", "wit/resources.wit", "resources", null, adapter: true);

    [Fact]
    public void Prints_the_world_of_a_component_as_jco_does_then_its_interfaces()
    {
        var (exitCode, output, _) = Run("wit", Sample.Path);

        Assert.Equal(0, exitCode);
        Assert.StartsWith(Sample.JcoWit.TrimEnd('\n') + "\n", output);
        Assert.Contains("\npackage example:sample {\n  interface logging {\n    log-u32: func(a: u32, s: string);\n", output);
        Assert.Contains("    variant shape {\n      circle(f64),\n      rectangle(tuple<f64, f64>),\n      dot,\n    }\n", output);
        AssertResolves(output);
    }

    [Fact]
    public void Prints_resources_with_their_functions()
    {
        var (exitCode, output, _) = Run("wit", Resources.Path);

        Assert.Equal(0, exitCode);
        Assert.StartsWith(Resources.JcoWit.TrimEnd('\n') + "\n", output);
        Assert.Contains("resource blob {", output);
        Assert.Contains("constructor(init: list<u8>);", output);
        Assert.Contains("borrow<blob>", output);
        AssertResolves(output);
    }

    [Fact]
    public void Prints_the_world_a_core_module_embeds_in_its_component_type_section()
    {
        var (exitCode, output, _) = Run("wit", Sample.EmbeddedPath);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("package example:sample;\n\nworld sample {\n  import logging;\n", output);
        Assert.Contains("  export strings;\n", output);
        Assert.Contains("\ninterface strings {\n  reverse: func(s: string) -> string;\n", output);
        AssertResolves(output);
    }

    [Fact]
    public void Out_writes_a_file_the_front_end_resolves()
    {
        using var dir = new TempDirectory();

        var (exitCode, output, _) = Run("wit", Sample.Path, "--out", dir.Path);

        Assert.Equal(0, exitCode);
        string file = Path.Combine(dir.Path, "root.wit");
        Assert.Equal($"wrote {file}", output.TrimEnd());
        Assert.Equal(0, Run("check", file).ExitCode);
    }

    [Fact]
    public void A_file_that_is_not_wasm_is_an_error()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("not.wasm", "hello");

        var (exitCode, _, error) = Run("wit", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("not a WebAssembly binary", error);
    }

    private static void AssertResolves(string wit)
    {
        var resolution = WitResolver.ResolveText(wit, "decoded.wit");
        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics) + "\n" + wit);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = WitHostCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
