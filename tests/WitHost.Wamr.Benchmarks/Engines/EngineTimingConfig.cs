using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// The engine suites' jobs: BenchmarkDotNet's short run timed twice, by the wall clock
/// (<c>wall</c>) and by the benchmark thread's CPU time (<c>thread-cpu</c>,
/// <see cref="ThreadCpuClock"/>), so that one run shows what the machine's load added.
/// </summary>
internal sealed class EngineTimingConfig : ManualConfig
{
    public EngineTimingConfig()
    {
        AddJob(Job.ShortRun.WithId("wall"));
        AddJob(Job.ShortRun.WithClock(ThreadCpuClock.Instance).WithId("thread-cpu"));
    }
}
