namespace WitHost.Generator.Tests.TestSupport;

/// <summary>Folders the tests read: found from the test binary upwards, by the solution file.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "WitHost.Generator.Tests");

    public static string Golden => Path.Combine(TestProject, "Golden");

    public static string Wit => Path.Combine(TestProject, "Wit");

    /// <summary>The shared test data beside the repository (<c>../shared</c>).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WitHost.slnx not found above " + AppContext.BaseDirectory);
    }
}
