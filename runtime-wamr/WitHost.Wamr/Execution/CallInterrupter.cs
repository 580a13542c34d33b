using WitHost.Wamr.Native;

namespace WitHost.Wamr.Execution;

/// <summary>
/// Stops a guest running in one instance from another thread: when its call's deadline passes
/// (through <see cref="CallWatchdog"/>), when its call's token is cancelled, or when the
/// instance is disposed.
/// </summary>
/// <remarks>
/// <para>Each outermost call into the instance is bracketed by <see cref="Begin"/> and
/// <see cref="End"/> and gets a new call id, so an interrupt meant for one call (a watchdog that
/// woke late, a token cancelled as the call returned) never lands on the next one. The native
/// interrupt sets a flag the interpreter tests at every branch and call; the flag stays set, so
/// whatever the instance would run afterwards stops at once, and the instance is faulted.</para>
/// <para>Every call pays for this, so the calling thread takes no lock: one word,
/// <see cref="_state"/>, holds the running call's id and whether it runs, and whether an
/// interrupt was claimed for it and is done. <see cref="Begin"/> publishes the call with one
/// atomic exchange and <see cref="End"/> retires it with one compare-exchange. An interrupting
/// thread claims the call with a compare-exchange that only succeeds while that very call runs,
/// interrupts it, then marks the claim done; so <see cref="End"/> either retires the call before
/// any claim (no interrupt can land on it afterwards) or fails and waits the few instructions
/// until the claimed interrupt is done, and reports it. Either way, when <see cref="End"/>
/// returns no interrupt for the call is still in flight.</para>
/// </remarks>
internal sealed unsafe class CallInterrupter(nint execEnv)
{
    // _state: the call id shifted left by StateIdShift, and these flags.
    private const long Running = 1;
    private const long Claimed = 2;
    private const long Done = 4;
    private const int StateIdShift = 3;

    private long _state;
    // Written only by the thread that owns the instance (under its call lock).
    private long _callId;
    private volatile int _disposeRequested;
    // Written by the interrupting thread before it sets Done, read after Done is seen.
    private InterruptReason _reason;
    private CancellationTokenRegistration _registration;

    // Owned by CallWatchdog, under its lock.
    internal long WatchedCallId;
    internal long WatchedDeadline;
    internal int WatchdogIndex = -1;

    /// <summary>The timeout of the current or last call (for the exception's message).</summary>
    public TimeSpan Timeout { get; private set; }

    /// <summary>The token of the current or last call.</summary>
    public CancellationToken Token { get; private set; }

    /// <summary>Why the current call was interrupted, or <see cref="InterruptReason.None"/>.</summary>
    /// <remarks>Read by the calling thread, for calls nested inside the outermost one.</remarks>
    public InterruptReason Reason
    {
        get
        {
            long state = Volatile.Read(ref _state);
            return (state & Claimed) == 0 ? InterruptReason.None : AwaitInterrupt();
        }
    }

    /// <summary>
    /// Starts an outermost call limited by <paramref name="limit"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    /// <exception cref="OperationCanceledException">The token is already cancelled.</exception>
    public void Begin(in CallLimit limit)
    {
        long callId = ++_callId;
        _reason = InterruptReason.None;
        Timeout = limit.Timeout;
        Token = limit.Token;
        // A full fence: RequestDispose sets its flag and then reads _state, this publishes _state
        // and then reads the flag, so at least one of the two sees the other.
        Interlocked.Exchange(ref _state, (callId << StateIdShift) | Running);
        if (_disposeRequested != 0)
        {
            End();
            ObjectDisposedException.ThrowIf(true, typeof(WamrInstance));
        }
        if (limit.IsNone)
        {
            return;
        }
        if (limit.Token.IsCancellationRequested)
        {
            End();
            limit.Token.ThrowIfCancellationRequested();
        }
        if (limit.Deadline != CallLimit.NoDeadline)
        {
            CallWatchdog.Arm(this, callId, limit.Deadline);
        }
        if (limit.Token.CanBeCanceled)
        {
            _registration = limit.Token.UnsafeRegister(static (state, _) =>
            {
                var (interrupter, id) = ((CallInterrupter, long))state!;
                interrupter.Interrupt(id, InterruptReason.Cancelled);
            }, (this, callId));
        }
    }

    /// <summary>
    /// Starts an outermost call with no deadline and no token: <see cref="Begin"/> with
    /// <see cref="CallLimit.None"/>, which only <see cref="RequestDispose"/> can stop.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void BeginUnlimited()
    {
        long callId = ++_callId;
        _reason = InterruptReason.None;
        Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        Token = default;
        // The same full fence as in Begin, paired with RequestDispose.
        Interlocked.Exchange(ref _state, (callId << StateIdShift) | Running);
        if (_disposeRequested != 0)
        {
            End();
            ObjectDisposedException.ThrowIf(true, typeof(WamrInstance));
        }
    }

    /// <summary>Ends the outermost call; returns why it was interrupted, if it was.</summary>
    public InterruptReason End()
    {
        if (Token.CanBeCanceled)
        {
            // Disposing the registration waits for a callback already running, so after this
            // line no cancellation interrupt for this call can start.
            _registration.Dispose();
            _registration = default;
        }
        if (WatchdogIndex >= 0)
        {
            CallWatchdog.Disarm(this);
        }
        long running = (_callId << StateIdShift) | Running;
        if (Interlocked.CompareExchange(ref _state, _callId << StateIdShift, running) == running)
        {
            return InterruptReason.None;
        }
        // An interrupt claimed this call: wait until it is done, then retire the call.
        InterruptReason reason = AwaitInterrupt();
        Volatile.Write(ref _state, _callId << StateIdShift);
        return reason;
    }

    /// <summary>Interrupts call <paramref name="callId"/> if it is still running and not interrupted yet.</summary>
    public void Interrupt(long callId, InterruptReason reason)
    {
        long running = (callId << StateIdShift) | Running;
        if (Interlocked.CompareExchange(ref _state, running | Claimed, running) == running)
        {
            InterruptNow(running, reason);
        }
    }

    /// <summary>
    /// Marks the instance disposed: a running call is interrupted, later calls are refused.
    /// </summary>
    /// <returns>Whether a call was running (it frees the instance as it unwinds).</returns>
    public bool RequestDispose()
    {
        // A full fence between the flag and the read of _state (see Begin).
        Interlocked.Exchange(ref _disposeRequested, 1);
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if ((state & Running) == 0)
            {
                return false;
            }
            if ((state & Claimed) != 0 || !WamrInterrupt.IsAvailable)
            {
                return true;
            }
            if (Interlocked.CompareExchange(ref _state, state | Claimed, state) == state)
            {
                InterruptNow(state, InterruptReason.Disposed);
                return true;
            }
        }
    }

    /// <summary>Waits for the claimed interrupt of the running call to be done; returns its reason.</summary>
    private InterruptReason AwaitInterrupt()
    {
        // The claiming thread is between two instructions of its own: no lock, no allocation,
        // one native call that sets a flag.
        var spinner = new SpinWait();
        while ((Volatile.Read(ref _state) & Done) == 0)
        {
            spinner.SpinOnce();
        }
        return _reason;
    }

    /// <summary>Interrupts the call whose running state <paramref name="claimed"/> this thread claimed.</summary>
    private void InterruptNow(long claimed, InterruptReason reason)
    {
        _reason = reason;
        ReadOnlySpan<byte> message = reason switch
        {
            InterruptReason.Deadline => "guest interrupted: deadline\0"u8,
            InterruptReason.Cancelled => "guest interrupted: cancelled\0"u8,
            _ => "guest interrupted: instance disposed\0"u8,
        };
        try
        {
            // u8 literals live in the assembly's read-only data: the pointer stays valid.
            fixed (byte* text = message)
            {
                WamrInterrupt.Interrupt(execEnv, text);
            }
        }
        finally
        {
            // Releases _reason and the native flag to the calling thread, which waits for this.
            Volatile.Write(ref _state, claimed | Claimed | Done);
        }
    }
}
