using System.Diagnostics;
using WitHost.Wamr.Native;

namespace WitHost.Wamr.Execution;

/// <summary>
/// Stops a guest running in one instance from another thread: when its call's deadline passes
/// (through <see cref="CallWatchdog"/>), when its call's token is cancelled, or when the
/// instance is disposed.
/// </summary>
/// <remarks>
/// Each outermost call into the instance is bracketed by <see cref="Begin"/> and <see cref="End"/>
/// and gets a new call id, so an interrupt meant for one call (a watchdog that woke late, a token
/// cancelled as the call returned) never lands on the next one. The native interrupt sets a flag
/// the interpreter tests at every branch and call; the flag stays set, so whatever the instance
/// would run afterwards stops at once, and the instance is faulted.
/// </remarks>
internal sealed unsafe class CallInterrupter(nint execEnv)
{
    private readonly Lock _lock = new();
    private long _callId;
    private bool _running;
    private bool _disposeRequested;
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
    public InterruptReason Reason
    {
        get
        {
            lock (_lock)
            {
                return _reason;
            }
        }
    }

    /// <summary>
    /// Starts an outermost call limited by <paramref name="limit"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    /// <exception cref="OperationCanceledException">The token is already cancelled.</exception>
    public void Begin(in CallLimit limit)
    {
        long callId;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposeRequested, typeof(WamrInstance));
            callId = ++_callId;
            _running = true;
            _reason = InterruptReason.None;
            Timeout = limit.Timeout;
            Token = limit.Token;
        }
        if (limit.Token.IsCancellationRequested)
        {
            lock (_lock)
            {
                _running = false;
            }
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

    /// <summary>Ends the outermost call; returns why it was interrupted, if it was.</summary>
    public InterruptReason End()
    {
        // Disposing the registration waits for a callback already running, so after this line no
        // interrupt for this call can start.
        _registration.Dispose();
        _registration = default;
        if (WatchdogIndex >= 0)
        {
            CallWatchdog.Disarm(this);
        }
        lock (_lock)
        {
            _running = false;
            return _reason;
        }
    }

    /// <summary>Interrupts call <paramref name="callId"/> if it is still running.</summary>
    public void Interrupt(long callId, InterruptReason reason)
    {
        lock (_lock)
        {
            if (_running && _callId == callId && _reason == InterruptReason.None)
            {
                InterruptNow(reason);
            }
        }
    }

    /// <summary>
    /// Marks the instance disposed: a running call is interrupted, later calls are refused.
    /// </summary>
    /// <returns>Whether a call was running (it frees the instance as it unwinds).</returns>
    public bool RequestDispose()
    {
        lock (_lock)
        {
            _disposeRequested = true;
            if (!_running)
            {
                return false;
            }
            if (_reason == InterruptReason.None && WamrInterrupt.IsAvailable)
            {
                InterruptNow(InterruptReason.Disposed);
            }
            return true;
        }
    }

    private void InterruptNow(InterruptReason reason)
    {
        Debug.Assert(_lock.IsHeldByCurrentThread);
        _reason = reason;
        ReadOnlySpan<byte> message = reason switch
        {
            InterruptReason.Deadline => "guest interrupted: deadline\0"u8,
            InterruptReason.Cancelled => "guest interrupted: cancelled\0"u8,
            _ => "guest interrupted: instance disposed\0"u8,
        };
        // u8 literals live in the assembly's read-only data: the pointer stays valid.
        fixed (byte* text = message)
        {
            WamrInterrupt.Interrupt(execEnv, text);
        }
    }
}
