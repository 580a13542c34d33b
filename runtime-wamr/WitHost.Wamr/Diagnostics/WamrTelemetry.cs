using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace WitHost.Wamr.Diagnostics;

/// <summary>
/// The runtime's traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>,
/// both named <see cref="Name"/>, that OpenTelemetry (<c>AddSource("WitHost.Wamr")</c>,
/// <c>AddMeter("WitHost.Wamr")</c>) and <c>dotnet-counters monitor --counters WitHost.Wamr</c>
/// pick up. docs/observability.md lists every span, instrument, tag and unit.
/// </summary>
/// <remarks>
/// Nothing is measured while nobody listens: a call checks once whether the source has listeners
/// or the call instruments are enabled, and otherwise runs as if this class did not exist.
/// </remarks>
public static class WamrTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "WitHost.Wamr";

    /// <summary>Tag: the module's <see cref="WamrModule.Name"/> (absent when it has none).</summary>
    public const string ModuleTag = "withost.module";

    /// <summary>Tag: the export called, as the instance names it (<see cref="WamrFunction.Name"/>).</summary>
    public const string FunctionTag = "withost.function";

    /// <summary>Tag: how a call or instantiation ended: <c>ok</c>, <c>trap</c> or <c>error</c>.</summary>
    public const string OutcomeTag = "withost.outcome";

    /// <summary>Tag of the traps counter and of a trapped call's span: what made the guest trap.</summary>
    public const string TrapKindTag = "withost.trap.kind";

    /// <summary>Tag, OpenTelemetry's <c>error.type</c>: the trap kind, or the exception's type for another failure.</summary>
    public const string ErrorTypeTag = "error.type";

    internal const string Ok = "ok";
    internal const string Trapped = "trap";
    internal const string Failed = "error";

    // Trap kinds: what ended the guest's call. Few and fixed, so they can tag a metric.
    /// <summary>The guest's own code trapped (WAMR's trap: <c>unreachable</c>, an out-of-bounds access…).</summary>
    internal const string GuestTrap = "guest";
    /// <summary>A host function threw, or the guest called an import that has none.</summary>
    internal const string HostTrap = "host";
    /// <summary>A value or handle the Canonical ABI rejects, found by the host while lifting or lowering.</summary>
    internal const string AbiTrap = "abi";
    /// <summary>The calls between guest and host nested too deep for the thread's stack.</summary>
    internal const string StackTrap = "stack";
    internal const string TimeoutTrap = "timeout";
    internal const string CancelledTrap = "cancelled";
    internal const string DisposedTrap = "disposed";

    private static readonly string? Version =
        typeof(WamrTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "withost.wamr.calls", "{call}", "Calls of guest exports, by module, function and outcome.");

    // Guest calls run from microseconds to seconds: the default boundaries (from 5 ms up) would
    // put nearly every call in the first bucket.
    internal static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        "withost.wamr.call.duration", "s", "How long calls of guest exports took, by module, function and outcome.",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.000001, 0.000005, 0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10],
        });

    internal static readonly Counter<long> Traps = Meter.CreateCounter<long>(
        "withost.wamr.traps", "{trap}", "Traps, each of which faults its instance, by module and kind.");

    internal static readonly Counter<long> Instantiations = Meter.CreateCounter<long>(
        "withost.wamr.instantiations", "{instantiation}", "Instantiations of modules, by module and outcome.");

    // Live instances, weakly: the table lets an instance nobody disposes be collected, and drops it then.
    private static readonly ConditionalWeakTable<WamrInstance, object?> LiveInstances = new();

    internal static readonly ObservableUpDownCounter<long> LiveInstanceCount = Meter.CreateObservableUpDownCounter(
        "withost.wamr.instances", static () => MeasureLiveInstances(static _ => 1), "{instance}", "Instances not yet disposed, by module.");

    internal static readonly ObservableUpDownCounter<long> MemorySize = Meter.CreateObservableUpDownCounter(
        "withost.wamr.memory.size", static () => MeasureLiveInstances(static instance => instance.ObservedMemoryBytes()), "By",
        "Linear memory of the instances not yet disposed, by module; an instance busy in a call counts what it had when last seen idle.");

    /// <summary>Whether a call is to be measured: a span or a call measurement would be recorded.</summary>
    internal static bool CallsObserved
    {
        // Asked on every export call: inlined, it costs the reads and no call of its own.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Source.HasListeners() || Calls.Enabled || CallDuration.Enabled;
    }

    /// <summary>Whether an instantiation is to be measured.</summary>
    internal static bool InstantiationsObserved => Source.HasListeners() || Instantiations.Enabled;

    internal static void InstanceCreated(WamrInstance instance) => LiveInstances.AddOrUpdate(instance, null);

    internal static void InstanceFreed(WamrInstance instance) => LiveInstances.Remove(instance);

    /// <summary>Runs <paramref name="instantiate"/> in an instantiation span and counts how it ended.</summary>
    internal static WamrInstance ObserveInstantiation(WamrModule module, Func<WamrInstance> instantiate)
    {
        using Activity? activity = Source.StartActivity(module.Name is { } name ? "instantiate " + name : "instantiate", ActivityKind.Internal);
        if (module.Name is not null)
        {
            activity?.SetTag(ModuleTag, module.Name);
        }
        string outcome = Ok;
        try
        {
            return instantiate();
        }
        catch (Exception e)
        {
            outcome = Failed;
            activity?.SetTag(ErrorTypeTag, e.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            activity?.AddException(e);
            throw;
        }
        finally
        {
            activity?.SetTag(OutcomeTag, outcome);
            var tags = new TagList { { OutcomeTag, outcome } };
            if (module.Name is not null)
            {
                tags.Add(ModuleTag, module.Name);
            }
            Instantiations.Add(1, tags);
        }
    }

    internal static void RecordTrap(string? moduleName, string kind)
    {
        if (Traps.Enabled)
        {
            var tags = new TagList { { TrapKindTag, kind } };
            if (moduleName is not null)
            {
                tags.Add(ModuleTag, moduleName);
            }
            Traps.Add(1, tags);
        }
    }

    /// <summary>One measurement per module: the sum of <paramref name="measure"/> over its live instances.</summary>
    private static List<Measurement<long>> MeasureLiveInstances(Func<WamrInstance, long> measure)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        long unnamed = 0;
        bool anyUnnamed = false;
        foreach (KeyValuePair<WamrInstance, object?> entry in LiveInstances)
        {
            WamrInstance instance = entry.Key;
            if (instance.Module.Name is { } name)
            {
                sums[name] = sums.GetValueOrDefault(name) + measure(instance);
            }
            else
            {
                unnamed += measure(instance);
                anyUnnamed = true;
            }
        }
        var measurements = new List<Measurement<long>>(sums.Count + 1);
        foreach (KeyValuePair<string, long> sum in sums)
        {
            measurements.Add(new Measurement<long>(sum.Value, new KeyValuePair<string, object?>(ModuleTag, sum.Key)));
        }
        if (anyUnnamed)
        {
            measurements.Add(new Measurement<long>(unnamed));
        }
        return measurements;
    }
}
