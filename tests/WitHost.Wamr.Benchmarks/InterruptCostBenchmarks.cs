using BenchmarkDotNet.Attributes;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// What making guests interruptible costs the interpreter: loop-heavy exports and a scalar call,
/// run on WitHost's libiwasm and on plain WAMR without the thread manager
/// (<see cref="InterruptCostConfig"/>). No deadline is set, so only the flag tests WAMR makes at
/// every branch and call, and the runtime's per-call bookkeeping, differ.
/// </summary>
[Config(typeof(InterruptCostConfig))]
[MedianColumn]
public class InterruptCostBenchmarks
{
    private WamrEngine _engine = null!;
    private WamrModule _runaway = null!;
    private WamrModule _core = null!;
    private WamrInstance _runawayInstance = null!;
    private WamrInstance _coreInstance = null!;
    private WamrFunction _count = null!;
    private WamrFunction _spin = null!;
    private WamrFunction _add = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new WamrEngine();
        _runaway = _engine.LoadModule(Path.Combine(AppContext.BaseDirectory, "guests", "runaway.wasm"));
        _core = _engine.LoadModule(Path.Combine(AppContext.BaseDirectory, "guests", "core.wasm"));
        _runawayInstance = _runaway.Instantiate(new HostImports().Define("test:runaway/host", "tick", _ => { }));
        _coreInstance = _core.Instantiate(new HostImports().Define("test:core/host", "add", call => call.SetResult(call.GetInt32(0) + call.GetInt32(1))));
        _count = _runawayInstance.GetFunction("count");
        _spin = _coreInstance.GetFunction("spin");
        _add = _coreInstance.GetFunction("add-i32");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runawayInstance.Dispose();
        _coreInstance.Dispose();
        _runaway.Dispose();
        _core.Dispose();
        _engine.Dispose();
    }

    /// <summary>100,000 turns of a loop whose body calls a function: a branch and a call each turn.</summary>
    [Benchmark(Description = "loop with a call per turn, 100k turns")]
    public uint LoopWithCalls()
    {
        Span<uint> cells = [1, 100_000];
        _count.InvokeCells(cells);
        return cells[0];
    }

    /// <summary>100,000 turns of a loop of arithmetic: one branch each turn.</summary>
    [Benchmark(Description = "loop of arithmetic, 100k turns")]
    public uint LoopOfBranches()
    {
        Span<uint> cells = [1, 100_000];
        _spin.InvokeCells(cells);
        return cells[0];
    }

    /// <summary>One scalar export call: the runtime's per-call cost.</summary>
    [Benchmark(Description = "scalar call add-i32")]
    public uint ScalarCall()
    {
        Span<uint> cells = [20, 22];
        _add.InvokeCells(cells);
        return cells[0];
    }
}
