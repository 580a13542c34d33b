using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WitHost.Wamr.Benchmarks.Engines;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// Startup, per engine, on the digest guest (tests/guests/digest.wasm, 16 KB of wasm built with
/// wasi-libc): loading the module (WAMR from the .wasm, which it validates and prepares for its
/// interpreter, and from the .aot, which it maps; Wasmtime compiling the .wasm, and deserializing
/// code it compiled earlier, its counterpart of an AOT file), and instantiating a loaded module
/// (linear memory, WASI, the reactor's <c>_initialize</c>). Each category's baseline is WAMR's
/// interpreter. Every benchmark also disposes what it made.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class StartupBenchmarks
{
    // What giving back the zero pages after instantiation costs: the same instantiation with it.
    private static readonly InstanceOptions s_releasePages = new() { ReleaseZeroPages = true };

    private byte[] _wasm = null!;
    private byte[] _aot = null!;
    private byte[] _wasmtimePrecompiled = null!;
    private WamrEngine _engine = null!;
    private WamrModule _interpretedModule = null!;
    private WamrModule _compiledModule = null!;
    private Wasmtime.Engine _wasmtimeEngine = null!;
    private Wasmtime.Module _wasmtimeModule = null!;

    [GlobalSetup]
    public void Setup()
    {
        _wasm = BenchmarkGuests.Wasm("digest.wasm");
        _aot = BenchmarkGuests.CompileAheadOfTime(_wasm);
        _engine = new WamrEngine();
        _interpretedModule = _engine.LoadModule(_wasm);
        _compiledModule = _engine.LoadModule(_aot);
        _wasmtimeEngine = new Wasmtime.Engine();
        _wasmtimeModule = Wasmtime.Module.FromBytes(_wasmtimeEngine, "digest", _wasm);
        _wasmtimePrecompiled = _wasmtimeModule.Serialize();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _interpretedModule.Dispose();
        _compiledModule.Dispose();
        _engine.Dispose();
        _wasmtimeModule.Dispose();
        _wasmtimeEngine.Dispose();
    }

    [BenchmarkCategory("load"), Benchmark(Baseline = true, Description = "WAMR interpreter: .wasm")]
    public void LoadInterpreted() => _engine.LoadModule(_wasm).Dispose();

    [BenchmarkCategory("load"), Benchmark(Description = "WAMR AOT: .aot")]
    public void LoadCompiled() => _engine.LoadModule(_aot).Dispose();

    [BenchmarkCategory("load"), Benchmark(Description = "Wasmtime: compile .wasm")]
    public void LoadWasmtime() => Wasmtime.Module.FromBytes(_wasmtimeEngine, "digest", _wasm).Dispose();

    [BenchmarkCategory("load"), Benchmark(Description = "Wasmtime: deserialize precompiled")]
    public void LoadWasmtimePrecompiled() => Wasmtime.Module.Deserialize(_wasmtimeEngine, "digest", _wasmtimePrecompiled).Dispose();

    [BenchmarkCategory("instantiate"), Benchmark(Baseline = true, Description = "WAMR interpreter")]
    public void InstantiateInterpreted() => _interpretedModule.Instantiate(new HostImports()).Dispose();

    [BenchmarkCategory("instantiate"), Benchmark(Description = "WAMR interpreter, ReleaseZeroPages on")]
    public void InstantiateInterpretedReleasingPages() => _interpretedModule.Instantiate(new HostImports(), s_releasePages).Dispose();

    [BenchmarkCategory("instantiate"), Benchmark(Description = "WAMR AOT")]
    public void InstantiateCompiled() => _compiledModule.Instantiate(new HostImports()).Dispose();

    [BenchmarkCategory("instantiate"), Benchmark(Description = "Wasmtime")]
    public void InstantiateWasmtime() => new WasmtimeGuest(_wasmtimeEngine, _wasmtimeModule).Dispose();
}
