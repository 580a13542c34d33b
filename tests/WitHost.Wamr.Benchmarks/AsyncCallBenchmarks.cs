using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WitHost.Wamr.Benchmarks.Engines;
using WitHost.Wamr.Benchmarks.Generated;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// What the async Component Model costs per call and per event, through the generated host, on
/// WAMR's interpreter and compiled ahead of time (tests/guests/async-bench.c):
/// <list type="bullet">
/// <item><c>round trip</c>: <c>next</c> (synchronous, the baseline) against <c>next-async</c>, the
/// same work as an async export that calls <c>task.return</c> and exits without waiting;</item>
/// <item><c>await</c>: <c>ticks</c> awaiting the host's <c>clock.tick</c> in turn, answered at once
/// (the baseline: RETURNED, no subtask) or later (a subtask STARTED, an event, the callback), per tick;</item>
/// <item><c>64 calls</c>: 64 calls of <c>ticks(1)</c> (one event each) into one instance, one after
/// the other (the baseline) or all at once, per call.</item>
/// </list>
/// </summary>
[Config(typeof(AsyncTimingConfig))]
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class AsyncCallBenchmarks
{
    private const int Batch = 1000;
    private const int Ticks = 100;
    private const int Concurrent = 64;

    private AsyncBenchGuest _guest = null!;
    private AsyncBenchHost.Guest _atOnce = null!;
    private AsyncBenchHost.Guest _later = null!;
    private readonly Task<uint>[] _calls = new Task<uint>[Concurrent];

    [Params(AsyncBenchGuest.Interpreter, AsyncBenchGuest.AheadOfTime)]
    public string Engine { get; set; } = AsyncBenchGuest.Interpreter;

    [GlobalSetup]
    public void Setup()
    {
        _guest = new AsyncBenchGuest(Engine);
        _atOnce = _guest.Instantiate(new BenchClock(answersAtOnce: true));
        _later = _guest.Instantiate(new BenchClock(answersAtOnce: false));

        var asyncCall = _atOnce.Calls.NextAsyncAsync(41);
        if (!asyncCall.IsCompletedSuccessfully || asyncCall.Result != 42 || _atOnce.Calls.Next(41) != 42)
        {
            throw new InvalidOperationException("next and next-async should both answer 42 at once.");
        }

        const uint expected = Ticks * (Ticks - 1) / 2;
        if (_atOnce.Calls.TicksAsync(Ticks).Result != expected || _later.Calls.TicksAsync(Ticks).Result != expected)
        {
            throw new InvalidOperationException($"ticks({Ticks}) should answer {expected}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _guest.Dispose();

    [BenchmarkCategory("round trip"), Benchmark(Baseline = true, Description = "sync export", OperationsPerInvoke = Batch)]
    public uint SyncExport()
    {
        uint value = 0;
        for (int i = 0; i < Batch; i++)
        {
            value = _atOnce.Calls.Next(value);
        }

        return value;
    }

    [BenchmarkCategory("round trip"), Benchmark(Description = "async export, no wait", OperationsPerInvoke = Batch)]
    public uint AsyncExport()
    {
        uint value = 0;
        for (int i = 0; i < Batch; i++)
        {
            // Done at task.return, inside the first step, on this thread.
            value = _atOnce.Calls.NextAsyncAsync(value).GetAwaiter().GetResult();
        }

        return value;
    }

    [BenchmarkCategory("await"), Benchmark(Baseline = true, Description = "import answered at once", OperationsPerInvoke = Ticks)]
    public uint AwaitAnsweredAtOnce() => _atOnce.Calls.TicksAsync(Ticks).GetAwaiter().GetResult();

    [BenchmarkCategory("await"), Benchmark(Description = "import answered later: one event", OperationsPerInvoke = Ticks)]
    public Task<uint> AwaitOneEvent() => _later.Calls.TicksAsync(Ticks);

    [BenchmarkCategory("64 calls"), Benchmark(Baseline = true, Description = "one after the other", OperationsPerInvoke = Concurrent)]
    public async Task<uint> OneAfterTheOther()
    {
        uint sum = 0;
        for (int i = 0; i < Concurrent; i++)
        {
            sum += await _later.Calls.TicksAsync(1).ConfigureAwait(false);
        }

        return sum;
    }

    [BenchmarkCategory("64 calls"), Benchmark(Description = "all at once", OperationsPerInvoke = Concurrent)]
    public async Task<uint> AllAtOnce()
    {
        for (int i = 0; i < Concurrent; i++)
        {
            _calls[i] = _later.Calls.TicksAsync(1);
        }

        uint sum = 0;
        foreach (var answer in await Task.WhenAll(_calls).ConfigureAwait(false))
        {
            sum += answer;
        }

        return sum;
    }
}
