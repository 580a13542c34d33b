using BenchmarkDotNet.Attributes;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// The cost of crossing the host/guest boundary on WAMR, next to the same calls on Wasmtime
/// (a JIT engine, for scale): a scalar export call, a guest-to-host round trip, and passing
/// 1 KiB through <c>cabi_realloc</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CallBenchmarks
{
    private const string HostModule = "test:core/host";
    private WamrEngine _engine = null!;
    private WamrModule _module = null!;
    private WamrInstance _instance = null!;
    private WamrFunction _add = null!;
    private WamrFunction _callHost = null!;
    private WamrFunction _sumBytes = null!;
    private readonly byte[] _kilobyte = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();

    private Wasmtime.Engine _wasmtimeEngine = null!;
    private Wasmtime.Store _wasmtimeStore = null!;
    private Func<int, int, int> _wasmtimeAdd = null!;
    private Func<int, int, int> _wasmtimeCallHost = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "core.wasm"));

        _engine = new WamrEngine();
        _module = _engine.LoadModule(bytes);
        var imports = new HostImports().Define(HostModule, "add", call => call.SetResult(call.GetInt32(0) + call.GetInt32(1)));
        _instance = _module.Instantiate(imports);
        _add = _instance.GetFunction("add-i32");
        _callHost = _instance.GetFunction("call-host-add");
        _sumBytes = _instance.GetFunction("sum-bytes");

        _wasmtimeEngine = new Wasmtime.Engine();
        var module = Wasmtime.Module.FromBytes(_wasmtimeEngine, "core", bytes);
        var linker = new Wasmtime.Linker(_wasmtimeEngine);
        linker.DefineWasi();
        linker.DefineFunction(HostModule, "add", (int a, int b) => a + b);
        linker.DefineFunction(HostModule, "identity-i64", (long v) => v);
        linker.DefineFunction(HostModule, "scale-f64", (double v, float f) => v * f);
        linker.DefineFunction(HostModule, "fail", () => { });
        linker.DefineFunction(HostModule, "never-bound", () => 0);
        _wasmtimeStore = new Wasmtime.Store(_wasmtimeEngine);
        _wasmtimeStore.SetWasiConfiguration(new Wasmtime.WasiConfiguration());
        var instance = linker.Instantiate(_wasmtimeStore, module);
        instance.GetAction("_initialize")!();
        _wasmtimeAdd = instance.GetFunction<int, int, int>("add-i32")!;
        _wasmtimeCallHost = instance.GetFunction<int, int, int>("call-host-add")!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _instance.Dispose();
        _module.Dispose();
        _engine.Dispose();
        _wasmtimeStore.Dispose();
        _wasmtimeEngine.Dispose();
    }

    [Benchmark(Baseline = true, Description = "WAMR: add-i32, cell path")]
    public uint WamrScalarCall()
    {
        Span<uint> cells = [40, 2];
        _add.InvokeCells(cells);
        return cells[0];
    }

    [Benchmark(Description = "WAMR: add-i32, WasmValue path")]
    public int WamrScalarCallWithValues() => _add.Invoke(40, 2)[0].AsInt32();

    [Benchmark(Description = "WAMR: guest calls host add")]
    public uint WamrHostRoundTrip()
    {
        Span<uint> cells = [40, 2];
        _callHost.InvokeCells(cells);
        return cells[0];
    }

    [Benchmark(Description = "WAMR: 1 KiB through cabi_realloc, guest sums it")]
    public uint WamrPassKilobyte()
    {
        uint pointer = _instance.Realloc(0, 0, 1, (uint)_kilobyte.Length);
        _instance.Memory.Write(pointer, _kilobyte);
        Span<uint> cells = [pointer, (uint)_kilobyte.Length];
        _sumBytes.InvokeCells(cells);
        return cells[0];
    }

    [Benchmark(Description = "Wasmtime: add-i32")]
    public int WasmtimeScalarCall() => _wasmtimeAdd(40, 2);

    [Benchmark(Description = "Wasmtime: guest calls host add")]
    public int WasmtimeHostRoundTrip() => _wasmtimeCallHost(40, 2);
}
