using WitHost.Generator.Model;
using WitHost.Wit;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Binding;

/// <summary>
/// Finds, among the project's .wit AdditionalFiles, the WIT a host reads, with the layout WIT
/// tooling uses: a single file is a package on its own; a directory's .wit files form the root
/// package and each entry of its <c>deps/</c> folder (a directory of .wit files or one .wit file) is
/// a dependency.
/// </summary>
internal static class WitSourceSelector
{
    public static HostSources Select(HostSpec spec, EquatableArray<WitSourceFile> files, string projectDirectory)
    {
        var (resolvedRootPath, packages) = Select(spec.WitPath, spec.SourceFilePath, files, projectDirectory);
        return new HostSources(spec, resolvedRootPath, packages);
    }

    /// <summary>
    /// The packages at <paramref name="witPath"/> (root first) and the path they were found at, or
    /// no packages and every path that was tried, comma-separated. The analyzers call this directly.
    /// </summary>
    public static (string ResolvedRootPath, EquatableArray<WitSourcePackage> Packages) Select(
        string witPath, string sourceFilePath, EquatableArray<WitSourceFile> files, string projectDirectory)
    {
        var candidates = CandidatePaths(witPath, sourceFilePath, projectDirectory);
        foreach (var candidate in candidates)
        {
            var packages = SelectAt(candidate, files);
            if (packages.Count > 0)
            {
                return (candidate, packages.ToEquatableArray());
            }
        }

        return (string.Join(", ", candidates), EquatableArray<WitSourcePackage>.Empty);
    }

    /// <summary>
    /// Where a relative path may point: the project directory (what a user means in an .csproj-based
    /// project), then the directory of the C# file with the attribute (when the project directory is
    /// not visible to the generator).
    /// </summary>
    private static List<string> CandidatePaths(string witPath, string sourceFilePath, string projectDirectory)
    {
        var candidates = new List<string>();
        if (PathText.IsRooted(witPath))
        {
            candidates.Add(PathText.Normalize(witPath));
            return candidates;
        }

        foreach (var directory in new[] { projectDirectory, PathText.GetDirectory(sourceFilePath) })
        {
            if (directory.Length == 0)
            {
                continue;
            }

            var candidate = PathText.Combine(directory, witPath);
            if (!candidates.Contains(candidate))
            {
                candidates.Add(candidate);
            }
        }

        return candidates;
    }

    private static List<WitSourcePackage> SelectAt(string path, EquatableArray<WitSourceFile> files)
    {
        var packages = new List<WitSourcePackage>();
        foreach (var file in files)
        {
            if (file.Path == path)
            {
                packages.Add(new WitSourcePackage(EquatableArray.Create(file)));
                return packages;
            }
        }

        var root = FilesDirectlyIn(path, files);
        if (root.Count == 0)
        {
            return packages;
        }

        packages.Add(new WitSourcePackage(root.ToEquatableArray()));
        var deps = path + "/deps";
        var depEntries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Path.StartsWith(deps + "/", StringComparison.Ordinal))
            {
                var rest = file.Path.Substring(deps.Length + 1);
                var slash = rest.IndexOf('/');
                depEntries.Add(deps + "/" + (slash < 0 ? rest : rest.Substring(0, slash)));
            }
        }

        foreach (var entry in depEntries)
        {
            var single = files.FirstOrDefault(file => file.Path == entry);
            var dependency = single is not null ? new List<WitSourceFile> { single } : FilesDirectlyIn(entry, files);
            if (dependency.Count > 0)
            {
                packages.Add(new WitSourcePackage(dependency.ToEquatableArray()));
            }
        }

        return packages;
    }

    private static List<WitSourceFile> FilesDirectlyIn(string directory, EquatableArray<WitSourceFile> files)
        => files
            .Where(file => file.Path.StartsWith(directory + "/", StringComparison.Ordinal)
                && file.Path.IndexOf('/', directory.Length + 1) < 0)
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
}
