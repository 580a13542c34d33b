using WitHost.Wamr.Benchmarks.Generated;

namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// The async benchmarks' guest (tests/guests/async-bench.c) on one engine: its module, on WAMR's
/// interpreter or compiled ahead of time, and instances of it through the generated host.
/// </summary>
internal sealed class AsyncBenchGuest : IDisposable
{
    public const string Interpreter = "interpreter";
    public const string AheadOfTime = "aot";

    private readonly WamrEngine _engine = new();
    private readonly List<AsyncBenchHost.Guest> _instances = [];

    public AsyncBenchGuest(string engine)
    {
        byte[] wasm = BenchmarkGuests.Wasm("async-bench.wasm");
        Module = _engine.LoadModule(engine switch
        {
            Interpreter => wasm,
            AheadOfTime => BenchmarkGuests.CompileAheadOfTime(wasm),
            _ => throw new ArgumentException($"Unknown engine '{engine}'.", nameof(engine)),
        });
        if (AsyncBenchHost.Validate(Module) is { Count: > 0 } mismatches)
        {
            throw new InvalidOperationException("The async-bench guest does not match its world: " + string.Join("; ", mismatches));
        }
    }

    public WamrModule Module { get; }

    /// <summary>A new instance whose <c>clock.tick</c> is <paramref name="clock"/>.</summary>
    public AsyncBenchHost.Guest Instantiate(BenchClock clock)
    {
        var guest = AsyncBenchHost.Instantiate(Module, new AsyncBenchHost.Imports { Clock = clock });
        _instances.Add(guest);
        return guest;
    }

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        Module.Dispose();
        _engine.Dispose();
    }
}
