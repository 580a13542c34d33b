namespace WitHost.Abi.Tests;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest directory above the test binaries with WitHost.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the root, from '/'-separated parts.</summary>
    public static string Under(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No WitHost.slnx above {AppContext.BaseDirectory}.");
    }
}
