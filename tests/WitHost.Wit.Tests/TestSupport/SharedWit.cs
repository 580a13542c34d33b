namespace WitHost.Wit.Tests.TestSupport;

/// <summary>
/// Finds the shared test data (<c>&lt;repo root&gt;/../shared</c>, which a CI clone also has beside
/// the repository) and lays out a WASI package the way users have it: the package's files at the
/// root and every other package of the same release under <c>deps/</c>.
/// </summary>
internal static class SharedWit
{
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("repository root (WitHost.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string WitFolder(string release)
    {
        var folder = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "wit", release));
        Assert.True(Directory.Exists(folder), $"shared WIT folder missing: {folder}");
        return folder;
    }

    public static IEnumerable<string> PackageNames(string release)
        => Directory.GetDirectories(WitFolder(release)).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal)!;

    /// <summary>Copies package <paramref name="package"/> of <paramref name="release"/> into
    /// <paramref name="target"/> with the other packages of the release under <c>deps/</c>.</summary>
    public static void LayOut(string release, string package, string target)
    {
        var root = WitFolder(release);
        CopyWitFiles(Path.Combine(root, package), target);
        foreach (var other in PackageNames(release).Where(name => name != package))
        {
            CopyWitFiles(Path.Combine(root, other), Path.Combine(target, "deps", other));
        }
    }

    private static void CopyWitFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*.wit"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
