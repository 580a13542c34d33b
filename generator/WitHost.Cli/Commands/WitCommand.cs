using System.CommandLine;
using WitHost.Wit.Binary;

namespace WitHost.Cli.Commands;

/// <summary>
/// <c>wit-host wit &lt;file.wasm&gt; [--out dir]</c>: prints the WIT a binary carries (a
/// component's world, or the world a core module embeds in its <c>component-type</c> custom
/// section), like <c>wasm-tools component wit</c>; with <c>--out</c>, writes it to
/// <c>dir/&lt;world&gt;.wit</c> instead, a file a <c>[WitHost]</c> host can name.
/// </summary>
internal static class WitCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("file") { Description = "A component, or a core module with an embedded component-type section" };
        var output = new System.CommandLine.Option<string?>("--out") { Description = "Write the WIT to a file in this directory instead of printing it" };
        var command = new Command("wit", "Print the WIT world a WebAssembly binary carries")
        {
            path,
            output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(path)!,
            parseResult.GetValue(output),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, string? outputDirectory, TextWriter output, TextWriter error)
    {
        string text;
        try
        {
            text = ComponentWitDecoder.Decode(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ComponentFormatException)
        {
            error.WriteLine($"error: {path}: {e.Message}");
            return ExitCodes.Failure;
        }

        if (outputDirectory is null)
        {
            output.Write(text);
            return ExitCodes.Success;
        }
        string file = Path.Combine(outputDirectory, WorldName(text) + ".wit");
        try
        {
            Directory.CreateDirectory(outputDirectory);
            File.WriteAllText(file, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {file}: {e.Message}");
            return ExitCodes.Failure;
        }
        output.WriteLine($"wrote {file}");
        return ExitCodes.Success;
    }

    /// <summary>The name of the first world in the text (the decoder always writes one).</summary>
    private static string WorldName(string text)
    {
        const string marker = "\nworld ";
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return "world";
        }
        int start = at + marker.Length;
        int end = text.IndexOf(' ', start);
        return text[start..end].TrimStart('%');
    }
}
