using BenchmarkDotNet.Running;
using WitHost.Wamr.Benchmarks.Engines;

// `footprint [instances]` measures resident memory per engine in child processes; anything else
// goes to BenchmarkDotNet.
if (!FootprintMeasurement.TryRun(args))
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
