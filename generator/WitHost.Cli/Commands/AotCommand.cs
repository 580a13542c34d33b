using System.CommandLine;
using WitHost.Wamr;
using WitHost.Wamr.Aot;

namespace WitHost.Cli.Commands;

/// <summary>
/// <c>wit-host aot &lt;guest.wasm&gt; -o &lt;guest.aot&gt; [--target arch]</c>: compiles a core
/// module or a component ahead of time with WAMR's compiler (<see cref="AotCompiler"/>), for this
/// machine or the named architecture. The runtime loads the result like the wasm it came from.
/// </summary>
internal static class AotCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("file") { Description = "A core module or a component" };
        var output = new System.CommandLine.Option<string>("--output", "-o") { Description = "The AOT file to write", Required = true };
        var target = new System.CommandLine.Option<string?>("--target") { Description = "The architecture to compile for, as WAMR names it (x86_64, aarch64, ...); this machine's CPU when left out" };
        var command = new Command("aot", "Compile a WebAssembly guest ahead of time to native code WitHost's runtime loads")
        {
            path,
            output,
            target,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(path)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(target),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, string outputPath, string? target, TextWriter output, TextWriter error)
    {
        try
        {
            byte[] compiled = AotCompiler.Compile(File.ReadAllBytes(path), target);
            File.WriteAllBytes(outputPath, compiled);
            output.WriteLine($"wrote {outputPath} ({AotImage.Read(compiled).Architecture}, {compiled.Length} bytes)");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WamrException)
        {
            error.WriteLine($"error: {path}: {e.Message}");
            return 1;
        }
    }
}
