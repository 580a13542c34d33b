using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// The async suites' job: BenchmarkDotNet's short run with nine iterations, in-process, timed by
/// the wall clock only (an async call's work is spread over thread-pool threads, so the benchmark
/// thread's CPU time would miss most of it). The command line adds no job of its own to these
/// suites.
/// </summary>
internal sealed class AsyncTimingConfig : ManualConfig
{
    public AsyncTimingConfig() => AddJob(Job.ShortRun.WithIterationCount(9).WithToolchain(InProcessEmitToolchain.Instance).WithId("wall"));
}
