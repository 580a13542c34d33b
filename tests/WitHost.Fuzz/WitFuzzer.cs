using System.Diagnostics;
using WitHost.Wit;

namespace WitHost.Fuzz;

/// <summary>
/// The WIT front end (<see cref="WitResolver"/>: lexer, parser, resolver) on mutations of the
/// repository's WIT files. It reports errors as diagnostics, so any exception is unexpected.
/// </summary>
public static class WitFuzzer
{
    private static readonly TimeSpan SlowCase = TimeSpan.FromSeconds(2);

    public static FuzzReport Run(long count, int seed)
    {
        var report = new FuzzReport("wit");
        string[] seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds", "wit"), "*.wit")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        if (seeds.Length == 0)
        {
            throw new InvalidOperationException("No WIT seeds were copied beside the fuzzer.");
        }

        var clock = new Stopwatch();
        for (long i = 0; i < count; i++)
        {
            int caseSeed = CaseSeed.Of(seed, i);
            var random = new Random(caseSeed);
            string text = Mutator.MutateText(seeds[random.Next(seeds.Length)], random);
            clock.Restart();
            try
            {
                var resolution = WitResolver.ResolveText(text, "fuzz.wit");
                report.Expected(resolution.Diagnostics.Any(d => d.Severity == Wit.Diagnostics.WitDiagnosticSeverity.Error) ? "diagnosed" : "resolved");
            }
            catch (Exception e)
            {
                report.Surprise($"seed {caseSeed}: {e.GetType().Name}: {e.Message}");
                continue;
            }
            if (clock.Elapsed > SlowCase)
            {
                report.Hang($"seed {caseSeed}: took {clock.Elapsed.TotalSeconds:F1} s");
            }
        }
        return report;
    }
}
