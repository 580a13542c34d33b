using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests;

/// <summary>
/// The generated code of each test world, compared exactly with the files under Golden/. Set
/// WITHOST_UPDATE_GOLDEN=1 to rewrite them after an intended change (and review the diff).
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Cases => new() { "sample", "types", "resources", "guest-resources", "directory", "csharp-first", "import-export", "named-imports", "two-versions", "async-resources" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratedCodeMatchesGoldenFiles(string name)
    {
        var run = WitCase.Run(name);
        Assert.Empty(run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));

        var directory = Path.Combine(RepositoryPaths.Golden, name);
        var generated = run.GeneratedSources;
        if (Environment.GetEnvironmentVariable("WITHOST_UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var (hintName, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, hintName), text);
            }
        }

        var expectedNames = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList()
            : new List<string>();
        Assert.Equal(expectedNames, generated.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (hintName, text) in generated)
        {
            var expected = File.ReadAllText(Path.Combine(directory, hintName));
            Assert.True(expected == text, $"{name}/{hintName} differs from its golden file; diff it, and set WITHOST_UPDATE_GOLDEN=1 if the change is intended.\n{text}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratedCodeCompilesWithoutWarnings(string name)
    {
        var run = WitCase.Run(name);

        Assert.NotEmpty(run.GeneratedSources);
        var problems = run.CompilationProblems;
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
