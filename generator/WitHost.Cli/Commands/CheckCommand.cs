using System.Collections.Immutable;
using System.CommandLine;
using WitHost.Wit;

namespace WitHost.Cli.Commands;

/// <summary>
/// <c>wit-host check &lt;file-or-dir&gt;</c>: resolves the package there (with its <c>deps/</c>) and
/// prints every problem as <c>path(line,col): error WITnnnn: message</c> (exit code 1), or a
/// one-line summary (exit code 0).
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A .wit file, or a directory of .wit files with an optional deps/ folder" };
        var features = new System.CommandLine.Option<string[]>("--features")
        {
            Description = "@unstable features to enable (comma- or space-separated)",
            AllowMultipleArgumentsPerToken = true,
        };
        var allFeatures = new System.CommandLine.Option<bool>("--all-features") { Description = "Enable every @unstable feature" };
        var command = new Command("check", "Parse and resolve WIT and report problems")
        {
            path,
            features,
            allFeatures,
        };
        command.SetAction(parseResult =>
        {
            var enabled = (parseResult.GetValue(features) ?? Array.Empty<string>())
                .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToImmutableHashSet();
            var options = new WitResolverOptions { EnabledFeatures = enabled, AllFeatures = parseResult.GetValue(allFeatures) };
            return Run(parseResult.GetValue(path)!, options, parseResult.InvocationConfiguration.Output);
        });
        return command;
    }

    /// <summary>Checks <paramref name="path"/>; diagnostics and the summary go to <paramref name="output"/>
    /// (like a compiler's), so that piping the output captures them.</summary>
    public static int Run(string path, WitResolverOptions options, TextWriter output)
    {
        var resolution = WitResolver.ResolvePath(path, options);
        foreach (var diagnostic in resolution.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        if (resolution.HasErrors)
        {
            return 1;
        }

        var interfaces = resolution.Packages.Sum(package => package.Interfaces.Count);
        var worlds = resolution.Packages.Sum(package => package.Worlds.Count);
        var root = resolution.Root is null ? "" : $" (root {resolution.Root.Name})";
        output.WriteLine($"ok: {Plural(resolution.Packages.Count, "package")}, {Plural(interfaces, "interface")}, {Plural(worlds, "world")}{root}");
        return 0;
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
