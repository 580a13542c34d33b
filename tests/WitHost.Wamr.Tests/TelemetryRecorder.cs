using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using WitHost.Wamr.Diagnostics;

namespace WitHost.Wamr.Tests;

/// <summary>
/// Listens to the runtime's activity source and meter as an OpenTelemetry exporter would, and keeps
/// what they record about one module (by its name), so tests running beside it do not interfere.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly string _moduleName;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public TelemetryRecorder(string moduleName)
    {
        _moduleName = moduleName;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WamrTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(WamrTelemetry.ModuleTag), _moduleName))
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WamrTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>The module's spans that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Activities => [.. _stopped];

    /// <summary>The module's measurements, in the order they were made.</summary>
    public IReadOnlyList<RecordedMeasurement> Measurements => [.. _measurements];

    /// <summary>The module's measurements of the instrument <paramref name="name"/>.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string name) => [.. _measurements.Where(m => m.Instrument.Name == name)];

    /// <summary>Collects the observable instruments (instances, memory) now.</summary>
    public void CollectObservables() => _meters.RecordObservableInstruments();

    public void Clear()
    {
        _stopped.Clear();
        _measurements.Clear();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value;
        }
        if (Equals(copied.GetValueOrDefault(WamrTelemetry.ModuleTag), _moduleName))
        {
            _measurements.Enqueue(new RecordedMeasurement(instrument, value, copied));
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}

public sealed record RecordedMeasurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? this[string tag] => Tags.GetValueOrDefault(tag);
}

/// <summary>
/// Tests that listen to the runtime's telemetry run alone: a listener sees every test's calls and
/// makes them allocate, which tests of allocation-free calls would see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
