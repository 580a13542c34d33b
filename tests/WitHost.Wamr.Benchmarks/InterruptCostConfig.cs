using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// Two jobs over the same benchmarks: WitHost's libiwasm (thread manager on, so the interpreter
/// tests the interrupt flag at every branch and call) and, as the baseline, a plain WAMR built
/// without the thread manager, named by the environment variable <see cref="BaselineVariable"/>
/// (make it with <c>runtime-wamr/native/build-libiwasm.sh DIR --without-interrupt</c>).
/// </summary>
public sealed class InterruptCostConfig : ManualConfig
{
    public const string BaselineVariable = "WITHOST_BENCH_PLAIN_LIBIWASM";

    public InterruptCostConfig()
    {
        // BenchmarkDotNet builds every config when it lists the benchmarks, so a missing baseline
        // must not throw: without it the benchmarks run on WitHost's libiwasm alone.
        string? plain = Environment.GetEnvironmentVariable(BaselineVariable);
        Job job = Job.ShortRun.WithIterationCount(15);
        AddJob(job.WithId("interruptible").WithEnvironmentVariable("WITHOST_LIBIWASM_PATH", ""));
        if (!string.IsNullOrEmpty(plain))
        {
            AddJob(job.WithId("plain WAMR").WithEnvironmentVariable("WITHOST_LIBIWASM_PATH", plain).AsBaseline());
        }
    }
}
