using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WitHost.Wamr.Benchmarks.Engines;
using WitHost.Wamr.Benchmarks.Generated;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// The crossing on each engine: the anchor guest's <c>noop</c> and <c>add</c> (tests/guests/anchor.c)
/// through the generated bindings on WAMR's interpreter (each category's baseline) and on WAMR
/// with the module compiled ahead of time, and through Wasmtime .NET's typed core functions.
/// For these two exports the Canonical ABI adds nothing to the core call, so the three do the
/// same work.
/// </summary>
[Config(typeof(EngineTimingConfig))]
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class EngineCallBenchmarks
{
    private const int Batch = 1000;

    private WamrEngine _engine = null!;
    private WamrModule _interpretedModule = null!;
    private WamrModule _compiledModule = null!;
    private AnchorHost.Guest _interpreted = null!;
    private AnchorHost.Guest _compiled = null!;
    private Wasmtime.Engine _wasmtimeEngine = null!;
    private WasmtimeGuest _wasmtime = null!;
    private Action _wasmtimeNoop = null!;
    private Func<int, int, int> _wasmtimeAdd = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] wasm = BenchmarkGuests.Wasm("anchor.wasm");
        _engine = new WamrEngine();
        _interpretedModule = _engine.LoadModule(wasm);
        _compiledModule = _engine.LoadModule(BenchmarkGuests.CompileAheadOfTime(wasm));
        _interpreted = AnchorHost.Instantiate(_interpretedModule, new AnchorHost.Imports());
        _compiled = AnchorHost.Instantiate(_compiledModule, new AnchorHost.Imports());

        _wasmtimeEngine = new Wasmtime.Engine();
        using var module = Wasmtime.Module.FromBytes(_wasmtimeEngine, "anchor", wasm);
        _wasmtime = new WasmtimeGuest(_wasmtimeEngine, module);
        _wasmtimeNoop = _wasmtime.Instance.GetAction("noop")!;
        _wasmtimeAdd = _wasmtime.Instance.GetFunction<int, int, int>("add")!;

        if (InterpreterAdd() != AheadOfTimeAdd() || AheadOfTimeAdd() != WasmtimeAdd())
        {
            throw new InvalidOperationException("The engines disagree on add.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _interpreted.Dispose();
        _compiled.Dispose();
        _interpretedModule.Dispose();
        _compiledModule.Dispose();
        _engine.Dispose();
        _wasmtime.Dispose();
        _wasmtimeEngine.Dispose();
    }

    [BenchmarkCategory("noop"), Benchmark(Baseline = true, Description = "WAMR interpreter", OperationsPerInvoke = Batch)]
    public void InterpreterNoop()
    {
        for (int i = 0; i < Batch; i++)
        {
            _interpreted.Noop();
        }
    }

    [BenchmarkCategory("noop"), Benchmark(Description = "WAMR AOT", OperationsPerInvoke = Batch)]
    public void AheadOfTimeNoop()
    {
        for (int i = 0; i < Batch; i++)
        {
            _compiled.Noop();
        }
    }

    [BenchmarkCategory("noop"), Benchmark(Description = "Wasmtime", OperationsPerInvoke = Batch)]
    public void WasmtimeNoop()
    {
        for (int i = 0; i < Batch; i++)
        {
            _wasmtimeNoop();
        }
    }

    [BenchmarkCategory("add"), Benchmark(Baseline = true, Description = "WAMR interpreter", OperationsPerInvoke = Batch)]
    public int InterpreterAdd()
    {
        int last = 0;
        for (int i = 0; i < Batch; i++)
        {
            last = _interpreted.Add(i, 1);
        }
        return last;
    }

    [BenchmarkCategory("add"), Benchmark(Description = "WAMR AOT", OperationsPerInvoke = Batch)]
    public int AheadOfTimeAdd()
    {
        int last = 0;
        for (int i = 0; i < Batch; i++)
        {
            last = _compiled.Add(i, 1);
        }
        return last;
    }

    [BenchmarkCategory("add"), Benchmark(Description = "Wasmtime", OperationsPerInvoke = Batch)]
    public int WasmtimeAdd()
    {
        int last = 0;
        for (int i = 0; i < Batch; i++)
        {
            last = _wasmtimeAdd(i, 1);
        }
        return last;
    }
}
