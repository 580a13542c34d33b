using System.Diagnostics;
using WitHost.Abi.Tests;
using WitHost.Wamr.Values;

namespace WitHost.Fuzz;

/// <summary>
/// The WAVE parser (<see cref="WaveParser"/>) on printed random values, mutated. It must return a
/// value or throw <see cref="WaveParseException"/>; unmutated text must parse back to the value.
/// </summary>
public static class WaveFuzzer
{
    private static readonly TimeSpan SlowCase = TimeSpan.FromSeconds(2);

    public static FuzzReport Run(long count, int seed)
    {
        var report = new FuzzReport("wave");
        var clock = new Stopwatch();
        for (long i = 0; i < count; i++)
        {
            int caseSeed = CaseSeed.Of(seed, i);
            var random = new Random(caseSeed);
            var values = new RandomWitValues(caseSeed);
            var type = values.Type(random.Next(1, 5));
            var value = values.Value(type);
            string printed = WaveWriter.Write(value);
            bool mutate = random.Next(8) != 0;
            string text = mutate ? Mutator.MutateText(printed, random) : printed;

            clock.Restart();
            try
            {
                var parsed = WaveParser.Parse(text, type);
                if (!mutate && !value.Equals(parsed))
                {
                    report.Surprise($"seed {caseSeed}: {printed} parses back as {WaveWriter.Write(parsed)}");
                    continue;
                }
                report.Expected("parsed");
            }
            catch (WaveParseException)
            {
                report.Expected("refused");
            }
            catch (Exception e)
            {
                report.Surprise($"seed {caseSeed}: {e.GetType().Name}: {e.Message} (text {Truncate(text)})");
                continue;
            }
            if (clock.Elapsed > SlowCase)
            {
                report.Hang($"seed {caseSeed}: took {clock.Elapsed.TotalSeconds:F1} s");
            }
        }
        return report;
    }

    internal static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
