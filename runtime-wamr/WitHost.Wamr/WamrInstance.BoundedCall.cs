using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using WitHost.Wamr.Diagnostics;
using WitHost.Wamr.Execution;
using WitHost.Wamr.Native;

namespace WitHost.Wamr;

public sealed unsafe partial class WamrInstance
{
    /// <summary>
    /// The whole call of a <see cref="Bindings.ScalarExport"/> whose function is bounded
    /// (<see cref="Binary.BoundedExports"/>: it can reach no host function, no loop, no indirect
    /// call, no bulk memory instruction, and runs a few microseconds at most) and that has no
    /// post-return: <see cref="CallScalarExport"/> without the P/Invoke's GC transition.
    /// </summary>
    /// <remarks>
    /// <para>A P/Invoke normally switches the thread to preemptive mode, so that a garbage
    /// collection can run while native code does; its frame costs about 65 instructions a call
    /// (most of them in the runtime's helper that links the frame to the thread), more than a
    /// third of what the host adds to a call of <c>noop</c> on WAMR's interpreter
    /// (docs/benchmarks.md). <c>SuppressGCTransition</c> keeps the thread in cooperative mode
    /// instead, which the runtime allows for a native function that runs briefly, never calls
    /// back into .NET and never throws. A bounded export is such a function by construction: it
    /// cannot reach an import (so the guest never enters a host function, which would be a
    /// reverse P/Invoke in cooperative mode, a fatal error), and its running time is bounded by
    /// its code. A collection another thread starts waits for it as for any short native call.</para>
    /// <para>What this call does not need of the general path, since the function cannot do it:
    /// grow the memory, exit, call the host (no pending host trap, no nested call). What it keeps:
    /// the gate, the dispose and interrupt checks before and after, the fault check, the thread's
    /// checks and stack boundary, and WAMR's trap. Anything else (a deadline, a token, telemetry
    /// listening, a call from a host function, a whole call open on the thread) goes the general way;
    /// an instance with a <see cref="InstanceOptions.CallTimeout"/> has no bounded exports
    /// (<see cref="Bindings.ScalarExport.Bind"/>), since every call of it is watched.</para>
    /// <para>Nothing between taking the gate and leaving it can throw but the failures, which leave
    /// it in methods of their own: the common call has no exception handler to set up or leave.</para>
    /// </remarks>
    internal void CallBoundedScalarExport(Bindings.ScalarExport export, Span<uint> cells)
    {
        // Read before the instance is owned: a value another thread's call leaves here sends this
        // call the general way, which reads them again as the owner; this thread's own are exact.
        if ((_callDepth | _scopeDepth | Volatile.Read(ref _openLimitScopes)) != 0 || WamrTelemetry.CallsObserved)
        {
            CallScalarExport(export, cells);
            return;
        }
        // The thread's, not the instance's: readied before the gate, since it may throw.
        WamrRuntime.EnsureThreadEnvironment();
        _gate.Enter();
        WamrFunction function = export.Function;
        // As in CallUnobserved: the guest's native frames need the stack .NET needs to report a trap.
        byte frame = 0;
        bool stackLeft = WamrRuntime.HasStackForCoreCall((nuint)(&frame), out long thread);
        if (!stackLeft || _gate.Pending != 0 || _fault is not null)
        {
            LeaveAndThrowBeforeCall(function.Name);
        }
        _checkedThread = thread;
        if (_exitStatus.HasValue)
        {
            _exitStatus = null;
        }
        var call = thread == _stackBoundThread ? _boundedCallSameThread : _boundedCall;
        _stackBoundThread = thread;
        _callDepth++;
        bool ok;
        // Pinned though no collection runs during the call itself: one may suspend this thread
        // between taking the address and the call, and move a heap array's cells.
        fixed (uint* argv = cells)
        {
            ok = call(_execEnv, function.Handle, (uint)function.ParameterCells, argv) != 0;
        }
        _callDepth--;
        if (!ok || _gate.InterruptClaimed)
        {
            LeaveAfterTrapOrInterrupt(function.Name, ok);
            return;
        }
        ExitCallLock();
    }

    /// <summary>
    /// A bounded call found the instance disposed, interrupted or faulted, or the stack too
    /// short, before its core call: leaves the gate and throws what the general path would
    /// (<see cref="FailureBeforeCall"/>, which both use).
    /// </summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LeaveAndThrowBeforeCall(string functionName)
    {
        Exception failure;
        try
        {
            failure = FailureBeforeCall(functionName, _gate.Pending, outermost: true);
        }
        finally
        {
            ExitCallLock();
        }
        throw failure;
    }

    /// <summary>
    /// A bounded call's guest trapped (<paramref name="ok"/> false), or another thread claimed an
    /// interrupt (Dispose) during it: leaves the gate, then throws what the general path would,
    /// the interrupt first; returns when the claim stopped nothing and the call succeeded.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LeaveAfterTrapOrInterrupt(string functionName, bool ok)
    {
        Exception? failure = null;
        try
        {
            if (_gate.InterruptClaimed && _gate.TakeInterrupt(retire: true) is var reason and not InterruptReason.None)
            {
                failure = Interrupted(functionName, reason);
            }
            else if (!ok)
            {
                failure = GuestTrapped(functionName);
            }
        }
        finally
        {
            ExitCallLock();
        }
        if (failure is not null)
        {
            throw failure;
        }
    }
}
