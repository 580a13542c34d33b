using BenchmarkDotNet.Running;
using WitHost.Wamr.Benchmarks;
using WitHost.Wamr.Benchmarks.Engines;

// `count MARKS_LIBRARY CALLS`: the anchor calls in batches for callgrind (docs/benchmarks.md),
// not a benchmark run.
if (args is ["count", string marks, string calls])
{
    CallCountDriver.Run(marks, int.Parse(calls, System.Globalization.CultureInfo.InvariantCulture));
    return;
}
// `footprint [instances]` measures resident memory per engine in child processes.
if (FootprintMeasurement.TryRun(args))
{
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
