namespace WitHost.Generator.Tests.TestSupport;

/// <summary>A test world under Wit/&lt;name&gt;/: its .wit files and the Host.cs that declares the host.</summary>
internal static class WitCase
{
    public static GeneratorRun Run(string name)
    {
        var directory = Path.Combine(RepositoryPaths.Wit, name);
        var hostPath = Path.Combine(directory, "Host.cs");
        return GeneratorHarness.Run(hostPath, File.ReadAllText(hostPath), GeneratorHarness.WitFilesIn(directory));
    }
}
