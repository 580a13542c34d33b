using WitHost.Cli;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests;

/// <summary>
/// <c>wit-host generate</c> writes, file for file and byte for byte, what the source generator adds
/// to a compilation that declares the same host (same WIT, world, encoding, namespace and class).
/// </summary>
public sealed class GenerateCommandTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "sample.wit", "sample", "utf8" },
        { "roundtrip.wit", "roundtrip", "utf8" },
        { "roundtrip.wit", "roundtrip", "utf16" },
        { "abi-call.wit", "abi-call", "latin1+utf16" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cli_output_equals_the_generator_output(string witFile, string world, string encoding)
    {
        var witPath = Path.Combine(RepositoryPaths.Root, "wit", witFile);
        var outDirectory = Path.Combine(Path.GetTempPath(), "withost-generate-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = WitHostCli.Run(
                new[] { "generate", witPath, "--world", world, "--out", outDirectory, "--encoding", encoding, "--namespace", "Cli.Check", "--class", "CheckHost" },
                output,
                error);
            Assert.True(exitCode == 0, output + error.ToString());

            var encodingMember = encoding switch
            {
                "utf16" => "Utf16",
                "latin1+utf16" => "Latin1Utf16",
                _ => "Utf8",
            };
            var host = $$"""
                using WitHost;
                namespace Cli.Check;
                [WitHost(@"{{witPath}}", World = "{{world}}", Encoding = WitStringEncoding.{{encodingMember}})]
                internal partial class CheckHost;
                """;
            var run = GeneratorHarness.Run("/src/CheckHost.cs", host, GeneratorHarness.WitFilesIn(Path.GetDirectoryName(witPath)!));
            var expected = run.GeneratedSources;
            Assert.NotEmpty(expected);

            var written = Directory.EnumerateFiles(outDirectory)
                .ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
            foreach (var (hintName, text) in expected)
            {
                Assert.Equal(text, written[hintName]);
            }
        }
        finally
        {
            if (Directory.Exists(outDirectory))
            {
                Directory.Delete(outDirectory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_missing_world_is_reported_and_nothing_is_written()
    {
        var witPath = Path.Combine(RepositoryPaths.Root, "wit", "sample.wit");
        var outDirectory = Path.Combine(Path.GetTempPath(), "withost-generate-" + Guid.NewGuid().ToString("N"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = WitHostCli.Run(new[] { "generate", witPath, "--world", "no-such-world", "--out", outDirectory }, output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("has no world 'no-such-world'; it has: sample", error.ToString());
        Assert.False(Directory.Exists(outDirectory));
    }

    [Fact]
    public void Without_class_the_host_is_named_after_the_only_world()
    {
        using var directory = new TempOut();
        var witPath = Path.Combine(directory.Path, "app.wit");
        File.WriteAllText(witPath, "package a:b;\nworld round-trip { export f: func() -> u32; }\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = WitHostCli.Run(new[] { "generate", witPath, "--out", Path.Combine(directory.Path, "out") }, output, error);

        Assert.True(exitCode == 0, output + error.ToString());
        Assert.Contains("RoundTripHost.WitHost.g.cs", Directory.EnumerateFiles(Path.Combine(directory.Path, "out")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--namespace", "My.class", "uses the keyword 'class'")]
    [InlineData("--namespace", "My..Host", "has an empty part")]
    [InlineData("--namespace", "My-App", "'My-App' is not a C# identifier")]
    [InlineData("--class", "Sample.Host", "'Sample.Host' is not a C# identifier")]
    public void An_invalid_csharp_name_is_refused_before_anything_is_written(string option, string value, string reason)
    {
        var witPath = Path.Combine(RepositoryPaths.Root, "wit", "sample.wit");
        using var directory = new TempOut();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = WitHostCli.Run(new[] { "generate", witPath, "--out", Path.Combine(directory.Path, "out"), option, value }, output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains(reason, error.ToString());
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "out")));
    }

    [Fact]
    public void A_directory_without_wit_files_says_so_in_the_commands_terms()
    {
        using var directory = new TempOut();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = WitHostCli.Run(new[] { "generate", directory.Path, "--out", Path.Combine(directory.Path, "out") }, output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("holds no .wit file", error.ToString());
        Assert.DoesNotContain("AdditionalFiles", output.ToString() + error);
    }

    /// <summary>A fresh temporary directory, deleted afterwards.</summary>
    private sealed class TempOut : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "withost-generate-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
