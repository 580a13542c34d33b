using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using WitHost.Wamr.Benchmarks.Engines;
using WitHost.Wamr.Benchmarks.Generated;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// Guest code, not the crossing: SHA-256 of a megabyte inside the guest (tests/guests/digest.c,
/// <c>sha256-pattern</c>, whose input the guest made once and keeps), on WAMR's interpreter (the
/// baseline), on WAMR with the module compiled ahead of time, and on Wasmtime's JIT, all from the
/// same .wasm in one run. Every engine's digest is checked against .NET's at setup.
/// </summary>
[Config(typeof(EngineTimingConfig))]
[MemoryDiagnoser]
[MedianColumn]
public class DigestBenchmarks
{
    private const uint Megabyte = 1 << 20;

    private WamrEngine _engine = null!;
    private WamrModule _interpretedModule = null!;
    private WamrModule _compiledModule = null!;
    private DigestHost.Guest _interpreted = null!;
    private DigestHost.Guest _compiled = null!;
    private Wasmtime.Engine _wasmtimeEngine = null!;
    private WasmtimeGuest _wasmtime = null!;
    private Func<int, int> _wasmtimeSha256Pattern = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] wasm = BenchmarkGuests.Wasm("digest.wasm");
        _engine = new WamrEngine();
        _interpretedModule = _engine.LoadModule(wasm);
        _compiledModule = _engine.LoadModule(BenchmarkGuests.CompileAheadOfTime(wasm));
        _interpreted = DigestHost.Instantiate(_interpretedModule, new DigestHost.Imports());
        _compiled = DigestHost.Instantiate(_compiledModule, new DigestHost.Imports());

        _wasmtimeEngine = new Wasmtime.Engine();
        using var module = Wasmtime.Module.FromBytes(_wasmtimeEngine, "digest", wasm);
        _wasmtime = new WasmtimeGuest(_wasmtimeEngine, module);
        _wasmtimeSha256Pattern = _wasmtime.Instance.GetFunction<int, int>("sha256-pattern")!;

        byte[] pattern = new byte[Megabyte];
        for (int i = 0; i < pattern.Length; i++)
        {
            pattern[i] = (byte)(i * 31 + (i >> 8));
        }
        byte[] expected = SHA256.HashData(pattern);
        Expect(Interpreter().SequenceEqual(expected), "the interpreter");
        Expect(AheadOfTime().SequenceEqual(expected), "AOT");
        Expect(WasmtimeJit().SequenceEqual(expected), "Wasmtime");
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

    [Benchmark(Baseline = true, Description = "WAMR interpreter: SHA-256 of 1 MiB")]
    public byte[] Interpreter() => _interpreted.Sha256Pattern(Megabyte);

    [Benchmark(Description = "WAMR AOT: SHA-256 of 1 MiB")]
    public byte[] AheadOfTime() => _compiled.Sha256Pattern(Megabyte);

    [Benchmark(Description = "Wasmtime: SHA-256 of 1 MiB")]
    public byte[] WasmtimeJit() => _wasmtime.ReadList(_wasmtimeSha256Pattern((int)Megabyte));

    private static void Expect(bool condition, string engine)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The digest guest on {engine} disagrees with .NET's SHA-256.");
        }
    }
}
