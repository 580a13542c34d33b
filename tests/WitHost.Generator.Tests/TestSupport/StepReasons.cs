using Microsoft.CodeAnalysis;

namespace WitHost.Generator.Tests.TestSupport;

/// <summary>Why the tracked steps of a generator run produced their outputs.</summary>
internal static class StepReasons
{
    /// <summary>The reason of every output of <paramref name="step"/>.</summary>
    public static List<IncrementalStepRunReason> Of(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();

    /// <summary>Asserts that every step ran and reused its outputs (cached, or recomputed to the same value).</summary>
    public static void AssertAllReused(GeneratorRunResult result, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            var reasons = Of(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} ran again: {reason}"));
        }
    }
}
