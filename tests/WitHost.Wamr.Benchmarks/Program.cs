using BenchmarkDotNet.Running;
using WitHost.Wamr.Benchmarks;
using WitHost.Wamr.Benchmarks.Engines;

// `count MARKS_LIBRARY CALLS [PHASES]`: the anchor calls in batches for callgrind
// (docs/benchmarks.md), not a benchmark run; PHASES (comma-separated names) runs only those.
if (args is ["count", string marks, string calls, ..] && args.Length <= 4)
{
    CallCountDriver.Run(marks, int.Parse(calls, System.Globalization.CultureInfo.InvariantCulture), args.Length == 4 ? args[3] : null);
    return;
}
// `footprint [instances]` measures resident memory per engine in child processes.
if (FootprintMeasurement.TryRun(args))
{
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
