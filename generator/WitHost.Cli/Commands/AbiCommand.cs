using System.CommandLine;
using WitHost.Cli.Abi;

namespace WitHost.Cli.Commands;

/// <summary>
/// <c>wit-host abi &lt;wit&gt; [--world &lt;name&gt;] [--c-header &lt;file&gt;]</c>: prints a world's
/// Canonical ABI as a guest author needs it (core names and signatures, return areas, type
/// layouts), or writes a C header with the same facts for a guest written by hand.
/// </summary>
internal static class AbiCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("wit") { Description = "A .wit file, or a directory of .wit files with an optional deps/ folder" };
        var world = new System.CommandLine.Option<string?>("--world") { Description = "The world (optional when the package has one)" };
        var header = new System.CommandLine.Option<string?>("--c-header") { Description = "Write a C header with the world's types, imports and exports to this file ('-' for standard output) instead of the report" };
        var command = new Command("abi", "Print a world's Canonical ABI: core names and signatures, return areas and type layouts")
        {
            path,
            world,
            header,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(path)!,
            parseResult.GetValue(world),
            parseResult.GetValue(header),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string witPath, string? worldName, string? headerPath, TextWriter output, TextWriter error)
    {
        if (WorldSelection.Select(witPath, worldName, error, out var exitCode) is not { } world)
        {
            return exitCode;
        }

        if (headerPath is null)
        {
            output.Write(AbiReportWriter.Write(world));
            return ExitCodes.Success;
        }

        var text = CHeaderWriter.Write(world);
        if (headerPath == "-")
        {
            output.Write(text);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(headerPath, text);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {headerPath}: {exception.Message}");
            return ExitCodes.Failure;
        }

        output.WriteLine($"wrote {headerPath}");
        return ExitCodes.Success;
    }
}
