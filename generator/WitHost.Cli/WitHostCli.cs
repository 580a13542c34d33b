using System.CommandLine;
using WitHost.Cli.Commands;

namespace WitHost.Cli;

/// <summary>
/// The <c>wit-host</c> command line: one root command, each subcommand in its own file under
/// Commands/ (<c>check</c>, <c>call</c>, <c>generate</c>, <c>derive</c>, <c>wit</c>, <c>abi</c>, <c>aot</c>).
/// </summary>
public static class WitHostCli
{
    /// <summary>Builds the root command with every subcommand; <c>call -</c> reads its calls from <paramref name="input"/>.</summary>
    public static RootCommand CreateRootCommand(TextReader input)
        => new("wit-host: tools for WebAssembly components described in WIT")
        {
            CheckCommand.Create(),
            CallCommand.Create(input),
            GenerateCommand.Create(),
            DeriveCommand.Create(),
            WitCommand.Create(),
            AbiCommand.Create(),
            AotCommand.Create(),
        };

    /// <summary>
    /// Parses <paramref name="args"/> and runs the chosen command, writing to the given writers;
    /// returns the exit code (<see cref="ExitCodes"/>).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, Console.In, output, error);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with the standard input <c>call -</c> reads.</summary>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var parseResult = CreateRootCommand(input).Parse(args);

        // A command line that does not parse is a usage error (exit code 2, as the docs promise),
        // not the parser's default 1 that a failed call also returns. Help still prints as asked.
        if (parseResult.Errors.Count > 0 && !AsksForHelp(args))
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine($"see '{CommandPath(parseResult.CommandResult)} --help'");
            return ExitCodes.Usage;
        }

        return parseResult.Invoke(configuration);
    }

    private static bool AsksForHelp(string[] args) => args.Any(arg => arg is "--help" or "-h" or "-?" or "/?");

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
        => result.Parent is System.CommandLine.Parsing.CommandResult parent ? CommandPath(parent) + " " + result.Command.Name : "wit-host";
}
