using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using WitHost.Wamr.Benchmarks.Generated;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// What the runtime's traces and metrics (docs/observability.md) cost a generated scalar call:
/// nobody listening, and an <see cref="ActivityListener"/> and a <see cref="MeterListener"/>
/// attached to <c>WitHost.Wamr</c> as an OpenTelemetry exporter attaches them (every span
/// sampled, every instrument enabled; the callbacks discard what they get).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TelemetryOverheadBenchmarks
{
    private WamrEngine _engine = null!;
    private WamrModule _module = null!;
    private SampleHost.Guest _guest = null!;
    private ActivityListener? _activities;
    private MeterListener? _meters;

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new WamrEngine();
        _module = _engine.LoadModule(Path.Combine(AppContext.BaseDirectory, "guests", "sample.wasm"));
        var logging = new CountingLogging();
        _guest = SampleHost.Instantiate(_module, new SampleHost.Imports { Logging = logging, Sample = logging });
        if (Listening)
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "WitHost.Wamr",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_activities);
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == "WitHost.Wamr")
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
            _meters.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _activities?.Dispose();
        _meters?.Dispose();
        _guest.Dispose();
        _module.Dispose();
        _engine.Dispose();
    }

    [Benchmark(Description = "generated and(bool, bool)")]
    public bool GeneratedScalarCall() => _guest.Booleans.And(true, true);
}
