using System.CommandLine;
using WitHost.Cli.Commands;

namespace WitHost.Cli;

/// <summary>
/// The <c>wit-host</c> command line: one root command, each subcommand in its own file under
/// Commands/ (<c>check</c>, <c>call</c>, <c>generate</c>, <c>derive</c>, <c>wit</c>, <c>aot</c>).
/// </summary>
public static class WitHostCli
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand CreateRootCommand()
        => new("wit-host: tools for WebAssembly components described in WIT")
        {
            CheckCommand.Create(),
            CallCommand.Create(),
            GenerateCommand.Create(),
            DeriveCommand.Create(),
            WitCommand.Create(),
            AotCommand.Create(),
        };

    /// <summary>Parses <paramref name="args"/> and runs the chosen command, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return CreateRootCommand().Parse(args).Invoke(configuration);
    }
}
