using Xunit.Abstractions;

namespace WitHost.Fuzz;

/// <summary>
/// A short seeded run of every campaign, for CI (well under two minutes together); the long runs
/// and their figures are in docs/reliability.md.
/// </summary>
public sealed class FuzzSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Lifts() => Check(LiftFuzzer.Run(30_000, seed: 1));

    [Fact]
    public void Modules() => Check(ModuleFuzzer.Run(400, seed: 1));

    [Fact]
    public void Wit() => Check(WitFuzzer.Run(3_000, seed: 1));

    [Fact]
    public void Wave() => Check(WaveFuzzer.Run(20_000, seed: 1));

    private void Check(FuzzReport report)
    {
        output.WriteLine(report.ToString());
        Assert.True(report.Clean, report.ToString());
        Assert.True(report.Outcomes.Count > 1, $"every case ended the same way, so the campaign tests little: {report}");
    }
}
