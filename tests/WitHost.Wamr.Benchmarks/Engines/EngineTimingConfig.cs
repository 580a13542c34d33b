using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// The engine suites' jobs: BenchmarkDotNet's short run timed twice, by the wall clock
/// (<c>wall</c>) and by the benchmark thread's CPU time (<c>thread-cpu</c>,
/// <see cref="ThreadCpuClock"/>), so that one run shows what the machine's load added. Both run
/// in-process with nine iterations; the command line adds no job of its own to these suites
/// (a <c>--job</c> or <c>--inProcess</c> there would add a third, default-clocked one).
/// </summary>
internal sealed class EngineTimingConfig : ManualConfig
{
    public EngineTimingConfig()
    {
        Job job = Job.ShortRun.WithIterationCount(9).WithToolchain(InProcessEmitToolchain.Instance);
        AddJob(job.WithId("wall"));
        AddJob(job.WithClock(ThreadCpuClock.Instance).WithId("thread-cpu"));
    }
}
