using WitHost.Wamr.Diagnostics;
using WitHost.Wamr.Native;

namespace WitHost.Wamr;

public sealed unsafe partial class WamrInstance
{
    // The export call whose measurement lasts until the whole call (EnterCall) around it ends, so
    // that its span and duration take in the lifting of its results and its post-return; null
    // when none is open. Only the thread that owns the instance touches it.
    private CallObservation? _observedCall;
    // The linear memory's size when last read by the memory metric (or at instantiation).
    private long _observedMemoryBytes;
    // What made the trap in _fault happen (WamrTelemetry's trap kinds).
    private string? _faultKind;

    /// <summary>The trap that faulted the instance, or null.</summary>
    internal WasmTrapException? CurrentFault => _fault;

    /// <summary>The kind of <see cref="CurrentFault"/> (<see cref="WamrTelemetry.TrapKindTag"/>).</summary>
    internal string? FaultKind => _faultKind;

    /// <summary>A core call of an export, measured (<see cref="WamrTelemetry.CallsObserved"/>).</summary>
    private void CallObserved(WamrFunction function, Span<uint> cells)
    {
        bool outermost = _callDepth == 0;
        if (outermost && _observedCall is { } previous)
        {
            // A second export called in one whole call: the first one's measurement ends here.
            _observedCall = null;
            previous.End(null);
        }
        var observation = new CallObservation(this, function.Name);
        try
        {
            CallUnobservedOutOfLine(function, cells);
        }
        catch (Exception e)
        {
            observation.End(e);
            throw;
        }
        if (outermost && _scopeDepth > 0)
        {
            observation.ScopeDepth = _scopeDepth;
            _observedCall = observation;
        }
        else
        {
            observation.End(null);
        }
    }

    /// <summary>Ends the measurement the whole call now ending kept open (see <see cref="_observedCall"/>).</summary>
    private void EndObservedCall()
    {
        if (_observedCall is { ScopeDepth: var depth } observation && depth == _scopeDepth)
        {
            _observedCall = null;
            observation.End(null);
        }
    }

    /// <summary>Records the first trap of the instance, which faults it, and counts it.</summary>
    private void RecordFault(WasmTrapException trap, string kind)
    {
        if (_fault is null)
        {
            _fault = trap;
            _faultKind = kind;
            WamrTelemetry.RecordTrap(_module.Name, kind);
            // The host's reads and writes waiting for this guest's streams and futures would wait for ever.
            _asyncState?.Fault(trap);
        }
    }

    /// <summary>
    /// The size of the linear memory, for the memory metric: read now if no other thread is in a
    /// call (the metric is collected on a thread of its own and must neither wait for a guest nor
    /// read an instance being freed), else as it was last read.
    /// </summary>
    internal long ObservedMemoryBytes()
    {
        // Where WAMR's size word is known, every core call that grew the memory wrote the new
        // size here (CountGrownMemory): the value is current whenever no call runs. Taking the
        // instance to read it again would only revoke its gate's bias from the metric's thread,
        // a process-wide barrier, and make its next calls earn the bias back.
        if (_memorySize != null)
        {
            return Volatile.Read(ref _observedMemoryBytes);
        }
        if (!_gate.IsDisposeRequested && _gate.TryEnter())
        {
            try
            {
                if (!_native.IsClosed && !_gate.IsDisposeRequested)
                {
                    uint start, end;
                    long bytes = WamrNative.GetAppAddrRange(_native.DangerousGetHandle(), 0, &start, &end) ? (long)end - start : 0;
                    Volatile.Write(ref _observedMemoryBytes, bytes);
                }
            }
            finally
            {
                ExitCallLock();
            }
        }
        return Volatile.Read(ref _observedMemoryBytes);
    }
}
