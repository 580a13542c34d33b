using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WitHost.Analyzers.Tests;

/// <summary>
/// A real <c>dotnet build</c> of a new project with the generator and the analyzers, as a user's
/// project has them: a misspelt world must be the first error, also when Program.cs uses the types
/// the generator would have made (the compiler runs no analyzer once there are errors), and must be
/// reported once when it is the only problem (the analyzers run then, and must not report it again).
/// </summary>
public sealed partial class BuildDiagnosticsTests
{
    private const string Wit = """
        package acme:plugins;

        interface logger {
            record entry { level: u8, text: string }
            log: func(e: entry);
        }

        world plugin {
            import logger;
            export run: func(input: string) -> string;
        }
        """;

    private const string Host = """
        using WitHost;

        namespace Acme.App;

        [WitHost("wit/plugin.wit", World = "plugn")]
        public partial class PluginHost;
        """;

    private const string ProgramUsingTheGeneratedTypes = """
        using Acme.App;
        using Acme.Plugins;
        using Acme.Plugins.Logger;
        using WitHost.Wamr;

        var module = WamrModule.Load(File.ReadAllBytes("plugin.wasm"));
        using var guest = PluginHost.Instantiate(module, new PluginHost.Imports { Logger = new ConsoleLogger() });
        Console.WriteLine(guest.Run("hello"));

        sealed class ConsoleLogger : ILogger
        {
            public void Log(Entry e) => Console.WriteLine(e.Text);
        }
        """;

    private const string ProgramOnItsOwn = """
        Console.WriteLine("no generated types used");
        """;

    [Fact]
    public void A_misspelt_world_is_the_first_error_of_a_build_whose_code_uses_the_generated_types()
    {
        var errors = Build(ProgramUsingTheGeneratedTypes);

        Assert.True(errors.Count > 1, string.Join("\n", errors));
        Assert.Matches(@"Host\.cs\(5,36\): error WITHOST0004: The package 'acme:plugins' has no world 'plugn' \(its worlds: plugin\); did you mean 'plugin'\?", errors[0]);
        Assert.Single(errors, error => error.Contains("WITHOST0004", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_world_that_is_the_only_problem_is_reported_once()
    {
        var errors = Build(ProgramOnItsOwn);

        Assert.Matches(@"Host\.cs\(5,36\): error WITHOST0004: ", Assert.Single(errors));
    }

    /// <summary>Builds the project with <paramref name="program"/> and returns its distinct error lines, in the order the build printed them.</summary>
    private static IReadOnlyList<string> Build(string program)
    {
        var directory = Directory.CreateTempSubdirectory("withost-build-");
        try
        {
            var bin = AppContext.BaseDirectory;
            Directory.CreateDirectory(Path.Combine(directory.FullName, "wit"));
            File.WriteAllText(Path.Combine(directory.FullName, "wit", "plugin.wit"), Wit);
            File.WriteAllText(Path.Combine(directory.FullName, "Host.cs"), Host);
            File.WriteAllText(Path.Combine(directory.FullName, "Program.cs"), program);
            File.WriteAllText(Path.Combine(directory.FullName, "Plugins.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <AdditionalFiles Include="wit/plugin.wit" />
                    <Reference Include="{bin}WitHost.Wamr.dll" />
                    <Analyzer Include="{bin}WitHost.Generator.dll;{bin}WitHost.Wit.dll;{bin}WitHost.Analyzers.dll" />
                  </ItemGroup>
                </Project>
                """);

            // No build server or shared compiler left running after the test.
            var start = new ProcessStartInfo("dotnet", ["build", "-nologo", "-clp:NoSummary", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("dotnet build did not finish in 5 minutes");
            }

            var output = stdout.Result + stderr.Result;
            Assert.True(process.ExitCode != 0, output);
            return output.Split('\n').Where(line => ErrorLine().IsMatch(line)).Select(line => line.Trim()).Distinct(StringComparer.Ordinal).ToList();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@": error [A-Z]+[0-9]+: ")]
    private static partial Regex ErrorLine();
}
