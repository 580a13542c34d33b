using BenchmarkDotNet.Attributes;
using WitHost.Wamr.Benchmarks.Generated;
using WitHost.Wamr.Validation;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// What checking a guest against its world costs: <c>SampleHost.Validate</c> (the check alone:
/// the sample world's core imports and exports (3 imports; 40 exports, their cabi_post_* and cabi_realloc) against samples/HelloWorld/guest/sample.wasm)
/// next to <c>SampleHost.Instantiate</c>, which runs the same check before WAMR instantiates the
/// module and the guest's <c>_initialize</c> runs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GuestCheckBenchmarks
{
    private WamrEngine _engine = null!;
    private WamrModule _module = null!;
    private SampleHost.Imports _imports = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new WamrEngine();
        _module = _engine.LoadModule(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "sample.wasm")));
        var logging = new CountingLogging();
        _imports = new SampleHost.Imports { Logging = logging, Sample = logging };
        if (SampleHost.Validate(_module).Count != 0)
        {
            throw new InvalidOperationException("The sample guest does not match its world.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    [Benchmark]
    public IReadOnlyList<GuestMismatch> Validate() => SampleHost.Validate(_module);

    [Benchmark(Baseline = true)]
    public void InstantiateAndDispose()
    {
        using var guest = SampleHost.Instantiate(_module, _imports);
    }
}
