using System.Diagnostics;

namespace WitHost.Wamr.Diagnostics;

/// <summary>
/// One export call being measured: its span, if a listener wants one, and its start time, until
/// <see cref="End"/> records how it went. Made only while someone listens
/// (<see cref="WamrTelemetry.CallsObserved"/>).
/// </summary>
internal sealed class CallObservation
{
    private readonly WamrInstance _instance;
    private readonly string _functionName;
    private readonly Activity? _activity;
    private readonly long _start;
    // A call into an instance faulted before it is refused: only a fault during the call is its trap.
    private readonly bool _faultedBefore;

    public CallObservation(WamrInstance instance, string functionName)
    {
        _instance = instance;
        _functionName = functionName;
        _faultedBefore = instance.IsFaulted;
        _activity = WamrTelemetry.Source.StartActivity(functionName, ActivityKind.Internal);
        if (_activity is not null)
        {
            if (instance.Module.Name is { } moduleName)
            {
                _activity.SetTag(WamrTelemetry.ModuleTag, moduleName);
            }
            _activity.SetTag(WamrTelemetry.FunctionTag, functionName);
        }
        _start = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// The depth of the whole call (<see cref="WamrInstance.EnterCall"/>) whose end also ends this
    /// measurement, or 0 when the core call's own end does.
    /// </summary>
    public int ScopeDepth { get; set; }

    /// <summary>
    /// Records the call: a trap if the instance faulted since it began, an error if
    /// <paramref name="exception"/> ended it otherwise, else success.
    /// </summary>
    public void End(Exception? exception)
    {
        double seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        string outcome = WamrTelemetry.Ok;
        string? errorType = null;
        string? description = null;
        if (!_faultedBefore && _instance.CurrentFault is { } trap)
        {
            outcome = WamrTelemetry.Trapped;
            errorType = _instance.FaultKind;
            description = trap.TrapMessage;
        }
        else if (exception is not null)
        {
            outcome = WamrTelemetry.Failed;
            errorType = exception.GetType().FullName;
            description = exception.Message;
        }

        var tags = new TagList
        {
            { WamrTelemetry.FunctionTag, _functionName },
            { WamrTelemetry.OutcomeTag, outcome },
        };
        if (_instance.Module.Name is { } moduleName)
        {
            tags.Add(WamrTelemetry.ModuleTag, moduleName);
        }
        if (errorType is not null)
        {
            tags.Add(WamrTelemetry.ErrorTypeTag, errorType);
        }
        WamrTelemetry.Calls.Add(1, tags);
        WamrTelemetry.CallDuration.Record(seconds, tags);

        if (_activity is null)
        {
            return;
        }
        _activity.SetTag(WamrTelemetry.OutcomeTag, outcome);
        if (errorType is not null)
        {
            _activity.SetTag(WamrTelemetry.ErrorTypeTag, errorType);
            if (outcome == WamrTelemetry.Trapped)
            {
                _activity.SetTag(WamrTelemetry.TrapKindTag, errorType);
            }
            _activity.SetStatus(ActivityStatusCode.Error, description);
        }
        if (exception is not null)
        {
            _activity.AddException(exception);
        }
        _activity.Dispose();
    }
}
