using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WitHost.Wamr.Benchmarks.Engines;
using WitHost.Wamr.Benchmarks.Generated;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// Two threads taking turns on one instance (the anchor guest's <c>noop</c>, interpreted, through
/// the generated bindings): call by call, and in runs of 16 and of 256 calls, next to the same
/// calls on one thread (the baseline). The instance's gate is biased to the thread that called
/// last and a change of thread revokes that bias, so this is where a biased gate could cost more
/// than it saves. Each turn is handed over by a flag both threads spin on, so the times include
/// the hand-over (a cache line moving between cores, and on a loaded machine the wait for the
/// other thread to be scheduled), which does not depend on the gate. A fixed number of
/// invocations per iteration: on a loaded machine the pilot stage's estimates of a hand-over
/// vary by orders of magnitude.
/// </summary>
[Config(typeof(EngineTimingConfig))]
[InvocationCount(32, 1)]
[MemoryDiagnoser]
[MedianColumn]
public class ThreadTurnBenchmarks
{
    private const int Batch = 4096;

    private WamrEngine _engine = null!;
    private WamrModule _module = null!;
    private AnchorHost.Guest _guest = null!;
    private Thread _partner = null!;
    // Whose turn: 0 the benchmark's thread, 1 the partner; the partner's run length in _run.
    private volatile int _turn;
    private volatile int _run;
    private volatile bool _stop;
    // The partner spins only during the iterations of the turn-taking benchmarks: spinning while
    // the one-thread baseline runs would take a core from it.
    private readonly ManualResetEventSlim _turnsRun = new();

    [GlobalSetup]
    public void Setup()
    {
        _engine = new WamrEngine();
        _module = _engine.LoadModule(BenchmarkGuests.Wasm("anchor.wasm"));
        _guest = AnchorHost.Instantiate(_module, new AnchorHost.Imports());
        _partner = new Thread(Partner) { IsBackground = true, Name = "turn partner" };
        _partner.Start();
    }

    [IterationSetup(Targets = [nameof(CallByCall), nameof(RunsOf16), nameof(RunsOf256)])]
    public void StartTurns() => _turnsRun.Set();

    [IterationCleanup(Targets = [nameof(CallByCall), nameof(RunsOf16), nameof(RunsOf256)])]
    public void StopTurns() => _turnsRun.Reset();

    /// <summary>What one revocation of the bias adds to the hand-over: the process-wide barrier.</summary>
    [Benchmark(Description = "process-wide barrier", OperationsPerInvoke = 16)]
    public void ProcessWideBarrier()
    {
        for (int i = 0; i < 16; i++)
        {
            Interlocked.MemoryBarrierProcessWide();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop = true;
        _turnsRun.Set();
        _partner.Join();
        _turnsRun.Dispose();
        _guest.Dispose();
        _module.Dispose();
        _engine.Dispose();
    }

    [Benchmark(Baseline = true, Description = "one thread", OperationsPerInvoke = Batch)]
    public void OneThread()
    {
        for (int i = 0; i < Batch; i++)
        {
            _guest.Noop();
        }
    }

    [Benchmark(Description = "two threads, call by call", OperationsPerInvoke = Batch)]
    public void CallByCall() => TakeTurns(1);

    [Benchmark(Description = "two threads, runs of 16", OperationsPerInvoke = Batch)]
    public void RunsOf16() => TakeTurns(16);

    [Benchmark(Description = "two threads, runs of 256", OperationsPerInvoke = Batch)]
    public void RunsOf256() => TakeTurns(256);

    private void TakeTurns(int run)
    {
        _run = run;
        for (int i = 0; i < Batch; i += 2 * run)
        {
            for (int k = 0; k < run; k++)
            {
                _guest.Noop();
            }
            _turn = 1;
            while (_turn != 0)
            {
                Thread.SpinWait(1);
            }
        }
    }

    private void Partner()
    {
        while (!_stop)
        {
            _turnsRun.Wait();
            if (_turn != 1)
            {
                Thread.SpinWait(1);
                continue;
            }
            for (int k = _run; k > 0; k--)
            {
                _guest.Noop();
            }
            _turn = 0;
        }
    }
}
