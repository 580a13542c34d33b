using BenchmarkDotNet.Attributes;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// What a deadline costs a call that finishes in time: a scalar call without a limit, with
/// <see cref="InstanceOptions.CallTimeout"/> (the watchdog is armed and disarmed around it), and
/// inside a <see cref="WamrInstance.Deadline(TimeSpan, CancellationToken)"/> scope opened for it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DeadlineOverheadBenchmarks
{
    private WamrEngine _engine = null!;
    private WamrModule _module = null!;
    private WamrInstance _plain = null!;
    private WamrInstance _timed = null!;
    private WamrFunction _plainAdd = null!;
    private WamrFunction _timedAdd = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new WamrEngine();
        _module = _engine.LoadModule(Path.Combine(AppContext.BaseDirectory, "guests", "core.wasm"));
        HostImports imports = new HostImports().Define("test:core/host", "add", call => call.SetResult(call.GetInt32(0) + call.GetInt32(1)));
        _plain = _module.Instantiate(imports);
        _timed = _module.Instantiate(imports, new InstanceOptions { CallTimeout = TimeSpan.FromSeconds(10) });
        _plainAdd = _plain.GetFunction("add-i32");
        _timedAdd = _timed.GetFunction("add-i32");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _timed.Dispose();
        _module.Dispose();
        _engine.Dispose();
    }

    [Benchmark(Baseline = true, Description = "add-i32, no limit")]
    public uint NoLimit()
    {
        Span<uint> cells = [20, 22];
        _plainAdd.InvokeCells(cells);
        return cells[0];
    }

    [Benchmark(Description = "add-i32, CallTimeout 10 s")]
    public uint WithCallTimeout()
    {
        Span<uint> cells = [20, 22];
        _timedAdd.InvokeCells(cells);
        return cells[0];
    }

    [Benchmark(Description = "add-i32 in its own Deadline scope")]
    public uint InDeadlineScope()
    {
        Span<uint> cells = [20, 22];
        using (_plain.Deadline(TimeSpan.FromSeconds(10)))
        {
            _plainAdd.InvokeCells(cells);
        }
        return cells[0];
    }
}
