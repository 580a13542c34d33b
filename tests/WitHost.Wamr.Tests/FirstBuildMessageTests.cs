using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WitHost.Wamr.Tests;

/// <summary>
/// The runtime's first build compiles libiwasm from source for a minute or so. It says what it
/// is doing once, where a user running <c>dotnet build</c> in a terminal sees it (the terminal
/// logger shows no output of build steps, not even high-importance messages), and a build that
/// finds the library cached says nothing.
/// </summary>
public sealed partial class FirstBuildMessageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("withost-first-build-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_first_build_says_once_what_it_does_where_it_caches_and_how_to_skip_it()
    {
        string cache = Path.Combine(_directory, "cache");
        string project = Path.Combine(_directory, "scratch.proj");
        // A project with the runtime's native build only (runtime-wamr/native/libiwasm.targets),
        // its cache in a folder of its own, so it builds from scratch.
        File.WriteAllText(project, $"""
            <Project>
              <PropertyGroup>
                <LibIwasmDir>{cache}</LibIwasmDir>
              </PropertyGroup>
              <Import Project="{Path.Combine(RepoRoot, "runtime-wamr", "native", "libiwasm.targets")}" />
              <Target Name="BeforeBuild" />
              <Target Name="Build" DependsOnTargets="BeforeBuild" />
            </Project>
            """);

        // As in a terminal: `script` gives dotnet one, so the terminal logger is on.
        var (firstExit, firstOutput) = Run("script", "-qec", $"dotnet build \"{project}\" --tl:on -nologo", "/dev/null");

        Assert.True(firstExit == 0, firstOutput);
        Assert.Single(Announcement().Matches(firstOutput));
        Assert.Contains($"withost: it is cached in {cache}; set WITHOST_LIBIWASM_PATH to an existing libiwasm.so to skip this build.", firstOutput);
        Assert.Matches(@"withost: libiwasm\.so for linux-\w+ is ready \(\d+ s\)\.", firstOutput);
        Assert.True(File.Exists(Path.Combine(cache, "libiwasm.so")));

        // Built again (output redirected, so MSBuild's console logger): the cache is used, and
        // nothing is said.
        var (secondExit, secondOutput) = Run("dotnet", "build", project, "-nologo");

        Assert.True(secondExit == 0, secondOutput);
        Assert.DoesNotContain("withost:", secondOutput);
    }

    [GeneratedRegex(@"withost: building libiwasm\.so for linux-\w+ \(WAMR 1\.1\.2, the native runtime WitHost\.Wamr runs guests on\) from source, once: fetching its sources with npm \(@grain/libiwasm@1\.1\.2\), then compiling them with cmake")]
    private static partial Regex Announcement();

    private static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            // No input, as in CI (`script` then runs the build to its end by itself).
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The test host's own MSBuild settings must not leak into the build it starts.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment.Remove("WITHOST_LIBIWASM_PATH");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in 8 minutes.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No WitHost.slnx above {AppContext.BaseDirectory}: the native build's test runs from a repository checkout.");
    }
}
