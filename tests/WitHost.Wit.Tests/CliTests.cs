using WitHost.Cli;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>The <c>wit-host check</c> command, run in-process.</summary>
public sealed class CliTests
{
    [Fact]
    public void Check_prints_a_summary_and_exits_zero_for_valid_wit()
    {
        using var dir = new TempDirectory();
        SharedWit.LayOut("wasi-0.2", "io", dir.Path);

        var (exitCode, output) = Run("check", dir.Path);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^ok: 7 packages, \d+ interfaces, \d+ worlds \(root wasi:io@0\.2\.12\)\r?\n$", output);
    }

    [Fact]
    public void Check_prints_each_problem_with_its_location_and_exits_one()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.wit", "package a:b;\ninterface i {\n  type t = nope;\n  record r { f: also-nope }\n}\n");

        var (exitCode, output) = Run("check", file);

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(new[]
        {
            $"{file}(3,12): error WIT0309: type `nope` does not exist",
            $"{file}(4,17): error WIT0309: type `also-nope` does not exist",
        }, lines);
    }

    [Fact]
    public void Check_enables_unstable_features_on_request()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("gated.wit", "package a:b;\ninterface i {\n  @unstable(feature = fancy)\n  type g = u32;\n  @unstable(feature = fancy)\n  type t = g;\n}\nworld w { @unstable(feature = fancy) import i; }\n");

        Assert.Equal(0, Run("check", file, "--features", "fancy").ExitCode);
        Assert.Equal(0, Run("check", file, "--all-features").ExitCode);
        Assert.Equal(0, Run("check", file).ExitCode);
    }

    [Fact]
    public void Features_may_come_before_or_after_the_path()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("gated.wit", GatedOnFancy);

        var after = Run("check", file, "--features", "fancy");
        var before = Run("check", "--features", "fancy", file);
        var repeated = Run("check", "--features", "fancy", "--features", "other,more", file);

        Assert.Equal((0, "ok: 1 package, 1 interface, 1 world (root a:b)\n"), Normalized(after));
        Assert.Equal(Normalized(after), Normalized(before));
        Assert.Equal(0, repeated.ExitCode);
    }

    [Fact]
    public void A_feature_no_gate_names_is_warned_about_with_the_closest_one()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("gated.wit", GatedOnFancy);

        var (exitCode, output) = Run("check", file, "--features", "fancyy,fancy");

        Assert.Equal(0, exitCode);
        Assert.Contains("warning: feature 'fancyy' gates nothing here (did you mean 'fancy'?); its gates name: fancy", output);
        Assert.DoesNotContain("feature 'fancy' ", output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "a.wit", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData()]
    public void A_command_line_that_does_not_parse_is_a_usage_error(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = WitHostCli.Run(args, output, error);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", error.ToString());
        Assert.Contains("--help'", error.ToString());
    }

    [Fact]
    public void Help_is_not_a_usage_error()
    {
        var (exitCode, output) = Run("check", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--features", output);
    }

    private const string GatedOnFancy = "package a:b;\ninterface i {\n  @unstable(feature = fancy)\n  type g = u32;\n}\nworld w { import i; }\n";

    private static (int ExitCode, string Output) Normalized((int ExitCode, string Output) result) => (result.ExitCode, result.Output.Replace("\r\n", "\n"));

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = WitHostCli.Run(args, output, error);
        return (exitCode, output.ToString());
    }
}
