namespace WitHost.Fuzz;

/// <summary>
/// The long fuzzing runs (docs/reliability.md):
/// <c>dotnet run -c Release --project tests/WitHost.Fuzz -- [lifts|modules|wit|wave|all] [--count N] [--seed S]</c>.
/// Prints each campaign's figures; exits with 1 when any found a crash, a hang or an unexpected
/// exception. <c>load-batch</c> is the child process of the module campaign.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, (Func<long, int, FuzzReport> Run, long DefaultCount)> Campaigns = new()
    {
        ["lifts"] = (LiftFuzzer.Run, 1_000_000),
        ["modules"] = (ModuleFuzzer.Run, 10_000),
        ["wit"] = (WitFuzzer.Run, 100_000),
        ["wave"] = (WaveFuzzer.Run, 300_000),
    };

    public static int Main(string[] args)
    {
        if (args is [ModuleLoadChild.Command, var directory, var firstName])
        {
            return ModuleLoadChild.Run(directory, firstName);
        }

        string target = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        long? count = Option(args, "--count") is { } c ? long.Parse(c) : null;
        int seed = Option(args, "--seed") is { } s ? int.Parse(s) : 1;
        if (target != "all" && !Campaigns.ContainsKey(target))
        {
            Console.Error.WriteLine($"usage: WitHost.Fuzz [{string.Join('|', Campaigns.Keys)}|all] [--count N] [--seed S]");
            return 2;
        }

        bool clean = true;
        foreach (var (name, campaign) in Campaigns)
        {
            if (target != "all" && target != name)
            {
                continue;
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            FuzzReport report = campaign.Run(count ?? campaign.DefaultCount, seed);
            Console.WriteLine($"{report} in {clock.Elapsed.TotalSeconds:F0} s (seed {seed})");
            clean &= report.Clean;
        }
        return clean ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
