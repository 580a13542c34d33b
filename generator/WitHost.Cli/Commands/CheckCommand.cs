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
            // One value per --features (repeat it, or separate names with commas or spaces inside
            // one value): taking several tokens would swallow a path written after it.
            Description = "@unstable features to enable (comma- or space-separated; the option may be repeated)",
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
                .SelectMany(value => value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
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

        // A feature no gate names is most likely misspelt: it would silently leave its items out.
        foreach (var feature in options.EnabledFeatures.OrderBy(feature => feature, StringComparer.Ordinal))
        {
            if (!resolution.GatedFeatures.Contains(feature))
            {
                var gated = resolution.GatedFeatures.Count == 0 ? "no @unstable gate names any feature" : "its gates name: " + string.Join(", ", resolution.GatedFeatures);
                output.WriteLine($"warning: feature '{feature}' gates nothing here{WorldSelection.Suggestion(feature, resolution.GatedFeatures)}; {gated}");
            }
        }

        if (resolution.HasErrors)
        {
            return ExitCodes.Failure;
        }

        var interfaces = resolution.Packages.Sum(package => package.Interfaces.Count);
        var worlds = resolution.Packages.Sum(package => package.Worlds.Count);
        var root = resolution.Root is null ? "" : $" (root {resolution.Root.Name})";
        output.WriteLine($"ok: {Plural(resolution.Packages.Count, "package")}, {Plural(interfaces, "interface")}, {Plural(worlds, "world")}{root}");
        return ExitCodes.Success;
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
