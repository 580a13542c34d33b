using WitHost.Generator.Binding;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Cli;

/// <summary>
/// Resolves the WIT a command names and picks its world: the one named by <c>--world</c>, or the
/// package's only world. Problems are written as the commands print them, with the exit code.
/// </summary>
internal static class WorldSelection
{
    /// <summary>
    /// The world <paramref name="worldName"/> of the package at <paramref name="witPath"/> (its only
    /// world when null), or null with <paramref name="exitCode"/> set after writing why to
    /// <paramref name="error"/>: a missing path or a world that is not there is a usage error,
    /// WIT with errors a failure. WIT diagnostics (warnings too) go to <paramref name="error"/>.
    /// </summary>
    public static WitWorld? Select(string witPath, string? worldName, TextWriter error, out int exitCode)
    {
        if (!File.Exists(witPath) && !Directory.Exists(witPath))
        {
            error.WriteLine($"error: '{witPath}' does not exist");
            exitCode = ExitCodes.Usage;
            return null;
        }

        var resolution = WitResolver.ResolvePath(witPath);
        foreach (var diagnostic in resolution.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (resolution.HasErrors || resolution.Root is not { } package)
        {
            exitCode = ExitCodes.Failure;
            return null;
        }

        exitCode = ExitCodes.Usage;
        if (worldName is not null)
        {
            if (package.FindWorld(worldName) is { } world)
            {
                exitCode = ExitCodes.Success;
                return world;
            }

            ReportUnknownWorld(package, worldName, error);
            return null;
        }

        if (package.Worlds.Count == 1)
        {
            exitCode = ExitCodes.Success;
            return package.Worlds[0];
        }

        error.WriteLine(package.Worlds.Count == 0
            ? $"error: package {package.Name} has no world"
            : $"error: package {package.Name} has {package.Worlds.Count} worlds; choose one with --world ({string.Join(", ", package.Worlds.Select(w => w.Name))})");
        return null;
    }

    /// <summary>Writes that <paramref name="package"/> has no world <paramref name="worldName"/>, with the closest names and every world it has.</summary>
    public static void ReportUnknownWorld(WitPackage package, string worldName, TextWriter error)
    {
        var worlds = string.Join(", ", package.Worlds.Select(w => w.Name));
        error.WriteLine($"error: package {package.Name} has no world '{worldName}'{Suggestion(worldName, package.Worlds.Select(w => w.Name))}; it has: {(worlds.Length == 0 ? "none" : worlds)}");
    }

    /// <summary><c> (did you mean 'x'?)</c> for the known names close to <paramref name="name"/>, or nothing.</summary>
    public static string Suggestion(string name, IEnumerable<string> known)
    {
        var closest = NameSuggestions.Closest(name, known);
        return closest.Count == 0 ? "" : " (did you mean " + string.Join(" or ", closest.Select(candidate => $"'{candidate}'")) + "?)";
    }
}
