using System.Runtime.CompilerServices;
using WitHost.Wamr.Native;

namespace WitHost.Wamr.Execution;

/// <summary>
/// Who owns one instance, and how it is stopped: the instance's lock, the state of its watched
/// call, an interrupt claimed for it and the request to dispose it, all in one word, so that an
/// uncontended whole call costs one compare-exchange to enter and one to leave; and, on the thread
/// the word is biased to, no atomic operation at all.
/// </summary>
/// <remarks>
/// <para><see cref="_state"/> holds:</para>
/// <list type="bullet">
/// <item><c>Owner</c> (bits 32–63): the managed thread id of the thread that owns the instance
/// (0: nobody). Only a compare-exchange that finds it 0 sets it; only the owner clears it.</item>
/// <item><c>Watched</c> and <c>Generation</c> (bits 8–31): the owner's outermost core call has a
/// deadline or a token, and which watched call it is. The owner sets both when such a call
/// starts and clears <c>Watched</c> when it ends; the watchdog and token callbacks carry the
/// generation they were armed for, so an interrupt meant for an earlier call (a watchdog that
/// woke late) never lands on a later one. 24 bits wrap after 16 million watched calls, far more
/// than a callback can lag behind.</item>
/// <item><c>Claimed</c>, <c>Done</c>: a thread is interrupting the owner's guest; it has.</item>
/// <item><c>DisposeRequested</c>: <see cref="RequestDispose"/> ran. Never cleared.</item>
/// <item><c>Waiting</c>: a thread blocks on <see cref="_waiters"/> until the owner leaves.</item>
/// <item><c>Biased</c> (with Owner the bias thread): the instance is reserved to that thread,
/// which takes and leaves it with plain reads and writes; whether it holds it now is
/// <see cref="_biasHeld"/>, which only the bias thread writes. A biased word carries none of
/// Watched, Claimed, Done, DisposeRequested or Waiting: whoever would set one revokes the bias
/// first.</item>
/// <item><c>Revoking</c> (only with Biased): a thread is taking the bias away. While it is set
/// no other thread changes the word.</item>
/// </list>
/// <para>The transitions, and why each is safe:</para>
/// <list type="number">
/// <item>Enter (unbiased): compare-exchange Owner 0 → this thread. Whatever else the word holds is kept,
/// so a thread that loses the race to a waiter, a dispose request or a late interrupt just
/// retries. A thread that finds itself the owner only counts the depth (re-entrance from a host
/// function): no atomic operation.</item>
/// <item>Exit (outermost, unbiased): compare-exchange from exactly the word read, with no Claimed,
/// DisposeRequested or Waiting in it, to Owner 0, or to Biased with Owner kept when the thread's
/// run of calls is long enough (<see cref="BiasRun"/>). Any other thread's change to the word makes it
/// fail and take the slow path, which first waits for a claimed interrupt to be done (the
/// interrupting thread is inside the native interrupt of this instance's execution environment:
/// freeing the instance under it would be a use after free), lets the instance free itself if
/// disposal was requested, and then clears Owner and Waiting and wakes the waiters.</item>
/// <item>Claim (deadline, token): compare-exchange that succeeds only while Watched is set with
/// the generation the callback was armed for and nothing is claimed. Claim (dispose): while any
/// thread owns the instance, whether its guest is running or the host is lowering or lifting:
/// the instance is going away, so the owner's next core call fails anyway; a claim while
/// nobody owns it is not needed, since nothing runs. A claimer interrupts, then sets Done; the
/// owner, seeing Claimed, waits for Done before it reads the reason, retires the claim or lets go.</item>
/// <item>Watched call begin/end: compare-exchange loops (other threads may set Claimed, Waiting or
/// DisposeRequested meanwhile); only calls with a deadline or a token pay for them. Ending one
/// clears Watched in the same operation that tells whether a claim came first: after it no
/// deadline or token claim can land on the instance. A watched call held through the bias first
/// turns the bias into plain ownership (compare-exchange Biased off, Owner kept): a watchdog or a
/// token may then claim as above.</item>
/// <item>Enter (bias thread T): the word is Biased with Owner T and no Revoking; T writes
/// _biasHeld 1, then reads the word again. Unchanged: T holds it (depth 1; a nested enter, which
/// finds _biasHeld 1, only counts the depth). Changed: a revoker set Revoking; T waits until it
/// is resolved, and holds the instance if the revoker made T its plain owner, else writes
/// _biasHeld 0 and enters as any other thread. The word cannot have changed and changed back
/// (ABA) meanwhile: only T biases a word to T.</item>
/// <item>Exit (bias thread T, outermost): T writes _biasHeld 0, then reads the word. Biased
/// without Revoking: T has let go. Otherwise T waits until the revocation is resolved; if it
/// made T the plain owner, T leaves by the unbiased exit.</item>
/// <item>Revoke (any other thread, before it enters, disposes or takes the instance for a
/// moment): compare-exchange Revoking on; <see cref="Interlocked.MemoryBarrierProcessWide"/>;
/// read _biasHeld; set the word, Biased and Revoking off, to Owner T if it was 1 (T holds the
/// instance, now as its plain owner, and leaves by the unbiased exit) or to Owner 0 if it was 0.
/// The bias thread's own rare operations (a watched call, dispose, a try-enter) turn the bias off
/// with one compare-exchange: it knows whether it holds the instance.</item>
/// </list>
/// <para>Why the bias needs no fence on T's side: T's write of _biasHeld and its read of the word
/// that follows are ordered in T's instructions (volatile accesses the JIT does not swap), and the
/// process-wide barrier, which runs after the revoker's Revoking is visible, makes every processor
/// execute a full fence at some point of its instruction stream. If T's write comes before that
/// point, the revoker reads it; if after, T's read, later still, sees Revoking. So on entry the
/// revoker reads 1 (and makes T the owner) or T sees the change (and waits), and on exit the
/// revoker reads 0 (and frees the instance) or T sees Revoking (and waits to learn which it did):
/// never both sides sure they own the instance, nor an owner left behind. The release of
/// _biasHeld 0 and the revoker's acquire of it carry T's writes to the next owner. On ARM64
/// Volatile gives the release and acquire, and the barrier (membarrier on Linux) the fence.</para>
/// <para>A call with no deadline and no token adds no atomic operation of its own: it reads the
/// word before the guest runs (a dispose request, a claim) and after (a claim that stopped it).
/// A claim the owner reads late is never lost: the native interrupt flag stays set, so the guest
/// stops at its next branch, and the owner's exit cannot succeed past a Claimed it has not
/// waited for.</para>
/// <para>The first exit biases the word to its thread; every revocation by another thread doubles
/// the run of same-thread calls the next bias needs (<see cref="BiasRun"/>), so threads taking
/// turns stop paying a barrier per turn and fall back to the unbiased compare-exchanges.</para>
/// </remarks>
internal sealed unsafe class CallGate(nint execEnv)
{
    private const long Watched = 1;
    private const long Claimed = 2;
    private const long Done = 4;
    private const long DisposeRequested = 8;
    private const long Waiting = 16;
    private const long Biased = 32;
    private const long Revoking = 64;
    private const int GenerationShift = 8;
    private const long GenerationMask = 0xFF_FFFFL << GenerationShift;
    private const int OwnerShift = 32;
    private const long OwnerMask = unchecked((long)0xFFFF_FFFF_0000_0000UL);

    private long _state;
    // 1 while the bias thread holds the instance through its bias (or since a revoker made that
    // hold plain ownership, until the thread's outermost exit). Written only by the bias thread.
    private int _biasHeld;
    // Owned by the thread that leaves the instance (the run), and counted by revokers.
    private BiasRun _biasRun;
    // How deep the owner holds the instance; only the owner touches it.
    private int _depth;
    // Written by the claiming thread before it sets Done, read by the owner after it sees Done.
    private InterruptReason _reason;
    private CancellationTokenRegistration _registration;
    // Threads waiting for the owner to leave block on this object's monitor.
    private readonly object _waiters = new();

    // Owned by CallWatchdog, under its lock.
    internal long WatchedGeneration;
    internal long WatchedDeadline;
    internal int WatchdogIndex = -1;

    /// <summary>The timeout of the current or last watched call (for the exception's message).</summary>
    public TimeSpan Timeout { get; private set; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>The token of the current or last watched call.</summary>
    public CancellationToken Token { get; private set; }

    /// <summary>Whether <see cref="RequestDispose"/> has run.</summary>
    public bool IsDisposeRequested => (Volatile.Read(ref _state) & DisposeRequested) != 0;

    /// <summary>Whether the word is biased to a thread now (for tests).</summary>
    internal bool IsBiased => (Volatile.Read(ref _state) & Biased) != 0;

    /// <summary>Whether the calling thread owns the instance.</summary>
    public bool IsOwnedByCurrentThread
    {
        get
        {
            long state = Volatile.Read(ref _state);
            // Owner is this thread: _biasHeld, if the word is biased, is this thread's own flag.
            return Owner(state) == WamrRuntime.CurrentThreadId && ((state & Biased) == 0 || _biasHeld != 0);
        }
    }

    /// <summary>
    /// What the owner must handle before its next core call: a dispose request
    /// (<see cref="IsDisposed"/>), a claimed interrupt (<see cref="IsClaimed"/>), or neither (0).
    /// </summary>
    public long Pending => Volatile.Read(ref _state) & (Claimed | DisposeRequested);

    /// <summary>Whether <see cref="Pending"/> says an interrupt was claimed.</summary>
    public static bool IsClaimed(long pending) => (pending & Claimed) != 0;

    /// <summary>Whether <see cref="Pending"/> says disposal was requested.</summary>
    public static bool IsDisposed(long pending) => (pending & DisposeRequested) != 0;

    /// <summary>Whether an interrupt was claimed for the owner's call (after a core call returned).</summary>
    public bool InterruptClaimed
    {
        // Read in the core call's finally, where the JIT left it a call of its own.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (Volatile.Read(ref _state) & Claimed) != 0;
    }

    /// <summary>Takes the instance for the calling thread, waiting while another thread owns it; re-entrant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        long owner = (long)WamrRuntime.CurrentThreadId << OwnerShift;
        long state = Volatile.Read(ref _state);
        if ((state & (OwnerMask | Biased | Revoking)) == (owner | Biased) && _biasHeld == 0)
        {
            if (TryEnterBiased(state, owner))
            {
                return;
            }
        }
        else if ((state & OwnerMask) == 0 && Interlocked.CompareExchange(ref _state, state | owner, state) == state)
        {
            _depth = 1;
            return;
        }
        EnterContended(owner);
    }

    /// <summary>
    /// The bias thread's entry: <paramref name="state"/> is biased to it, unrevoked, and it does not
    /// hold the instance. No atomic operation (the handshake in the remarks): the flag, then the
    /// word again. True when it holds the instance (depth 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryEnterBiased(long state, long owner)
    {
        Volatile.Write(ref _biasHeld, 1);
        if (Volatile.Read(ref _state) == state || HeldAfterRevocation(owner))
        {
            _depth = 1;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The bias thread wrote _biasHeld 1 and found the word changed by a revoker: waits for the
    /// revocation to be resolved; true when it made this thread the owner, else clears the flag.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool HeldAfterRevocation(long owner)
    {
        long state = AwaitRevocation();
        if ((state & (OwnerMask | Biased)) == owner)
        {
            // _biasHeld stays 1 until the outermost exit, which then leaves as a plain owner.
            return true;
        }
        Volatile.Write(ref _biasHeld, 0);
        return false;
    }

    /// <summary>Waits while a revocation is in progress; returns the word it left.</summary>
    private long AwaitRevocation()
    {
        // The revoker is between two compare-exchanges with one system call in between.
        var spinner = new SpinWait();
        long state;
        while (((state = Volatile.Read(ref _state)) & Revoking) != 0)
        {
            spinner.SpinOnce();
        }
        return state;
    }

    /// <summary>
    /// Takes the bias off <paramref name="state"/> (a biased word), so that the word's plain rules
    /// apply again, unless the word changed meanwhile (the caller reads it again either way).
    /// </summary>
    private void Unbias(long state)
    {
        if ((state & Revoking) != 0)
        {
            AwaitRevocation();
            return;
        }
        if (Owner(state) == WamrRuntime.CurrentThreadId)
        {
            // This thread's own bias: it knows whether it holds the instance.
            long plain = _biasHeld != 0 ? state & ~Biased : state & ~(Biased | OwnerMask);
            Interlocked.CompareExchange(ref _state, plain, state);
            return;
        }
        if (Interlocked.CompareExchange(ref _state, state | Revoking, state) != state)
        {
            return;
        }
        // Every processor fences: the bias thread's last write of _biasHeld is visible now, or its
        // next read of the word sees Revoking.
        Interlocked.MemoryBarrierProcessWide();
        bool held = Volatile.Read(ref _biasHeld) != 0;
        // Nobody else writes a word with Revoking in it.
        Volatile.Write(ref _state, held ? state & ~Biased : state & ~(Biased | OwnerMask));
        _biasRun.CountRevocation();
    }

    /// <summary>Takes the instance if nobody else owns it; re-entrant; never waits.</summary>
    public bool TryEnter()
    {
        long owner = (long)WamrRuntime.CurrentThreadId << OwnerShift;
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if ((state & Biased) != 0)
            {
                if ((state & OwnerMask) == owner && _biasHeld != 0)
                {
                    _depth++;
                    return true;
                }
                Unbias(state);
                continue;
            }
            if ((state & OwnerMask) == owner)
            {
                _depth++;
                return true;
            }
            if ((state & OwnerMask) != 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _state, state | owner, state) == state)
            {
                _depth = 1;
                return true;
            }
        }
    }

    private void EnterContended(long owner)
    {
        var spinner = new SpinWait();
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if ((state & Biased) != 0)
            {
                if ((state & OwnerMask) == owner)
                {
                    if (_biasHeld != 0)
                    {
                        _depth++;
                        return;
                    }
                    if ((state & Revoking) == 0)
                    {
                        if (TryEnterBiased(state, owner))
                        {
                            return;
                        }
                        continue;
                    }
                }
                Unbias(state);
                continue;
            }
            if ((state & OwnerMask) == owner)
            {
                _depth++;
                return;
            }
            if ((state & OwnerMask) == 0)
            {
                // Taking it clears Waiting: the threads that set it were all woken by the exit
                // that cleared Owner, and those that still wait set it again.
                if (Interlocked.CompareExchange(ref _state, (state & ~Waiting) | owner, state) == state)
                {
                    _depth = 1;
                    return;
                }
                continue;
            }
            // Calls are short: spin a little before blocking.
            if (!spinner.NextSpinWillYield)
            {
                spinner.SpinOnce();
                continue;
            }
            lock (_waiters)
            {
                // Under the monitor: the exit that clears Owner then takes the monitor to wake
                // the waiters, so once Waiting is set here the wake cannot pass this thread by.
                state = Volatile.Read(ref _state);
                // A biased word never carries Waiting: its bias thread leaves without looking.
                if ((state & OwnerMask) == 0 || (state & OwnerMask) == owner || (state & Biased) != 0)
                {
                    continue;
                }
                if ((state & Waiting) == 0 && Interlocked.CompareExchange(ref _state, state | Waiting, state) != state)
                {
                    continue;
                }
                Monitor.Wait(_waiters);
            }
            spinner.Reset();
        }
    }

    /// <summary>
    /// Leaves a nested hold, or the outermost one when no other thread has touched the word
    /// since; false when the outermost exit has work to do (<see cref="TryExitContended"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryExit()
    {
        if (_depth > 1)
        {
            _depth--;
            return true;
        }
        if (_biasHeld != 0)
        {
            // The depth is cleared before letting go, as below.
            _depth = 0;
            Volatile.Write(ref _biasHeld, 0);
            return (Volatile.Read(ref _state) & (Biased | Revoking)) == Biased || TryExitRevoked();
        }
        return TryExitPlain();
    }

    /// <summary>The unbiased outermost exit (the remarks' "Exit (outermost, unbiased)").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryExitPlain()
    {
        long state = Volatile.Read(ref _state);
        if ((state & (Claimed | DisposeRequested | Waiting)) != 0)
        {
            return false;
        }
        // The depth is cleared before the exchange that lets go, never after: once Owner is 0 the
        // next owner sets its own depth, and a late write here would leave it owning at depth 0,
        // so its next nested exit would let go in the middle of its whole call.
        _depth = 0;
        long left = _biasRun.ShouldBias(Owner(state)) ? state | Biased : state & ~OwnerMask;
        if (Interlocked.CompareExchange(ref _state, left, state) == state)
        {
            return true;
        }
        _depth = 1;
        return false;
    }

    /// <summary>
    /// The bias thread cleared _biasHeld to leave and found the bias revoked or being revoked:
    /// waits for the revocation; if it made this thread the plain owner, leaves as one.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryExitRevoked()
    {
        long state = AwaitRevocation();
        if ((state & (OwnerMask | Biased)) != (long)WamrRuntime.CurrentThreadId << OwnerShift)
        {
            // The revoker read _biasHeld 0: the instance is free.
            return true;
        }
        _depth = 1;
        return TryExitPlain();
    }

    /// <summary>
    /// The outermost exit's slow path: waits for a claimed interrupt to be done, then leaves and
    /// wakes the waiters. Returns false, still owning the instance, when disposal was requested
    /// and <paramref name="freed"/> is false: the caller frees the instance and calls again.
    /// </summary>
    public bool TryExitContended(bool freed)
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if ((state & Claimed) != 0)
            {
                AwaitInterrupt();
                RetireClaim();
                continue;
            }
            if ((state & DisposeRequested) != 0 && !freed)
            {
                return false;
            }
            // Cleared before letting go, as in TryExit.
            _depth = 0;
            if (Interlocked.CompareExchange(ref _state, state & ~(OwnerMask | Waiting), state) == state)
            {
                if ((state & Waiting) != 0)
                {
                    lock (_waiters)
                    {
                        Monitor.PulseAll(_waiters);
                    }
                }
                return true;
            }
            _depth = 1;
        }
    }

    /// <summary>
    /// Starts the owner's outermost core call under <paramref name="limit"/> (a deadline or a
    /// token): the watchdog and the token may interrupt it until <see cref="EndWatched"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token is already cancelled; nothing was started.</exception>
    public void BeginWatched(in CallLimit limit)
    {
        limit.Token.ThrowIfCancellationRequested();
        Timeout = limit.Timeout;
        Token = limit.Token;
        long generation;
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if ((state & Biased) != 0)
            {
                // Held through the bias: a watchdog or token may claim only a plainly owned word.
                Unbias(state);
                continue;
            }
            generation = ((state & GenerationMask) + (1L << GenerationShift)) & GenerationMask;
            if (Interlocked.CompareExchange(ref _state, (state & ~GenerationMask) | generation | Watched, state) == state)
            {
                break;
            }
        }
        if (limit.Deadline != CallLimit.NoDeadline)
        {
            CallWatchdog.Arm(this, generation, limit.Deadline);
        }
        if (limit.Token.CanBeCanceled)
        {
            _registration = limit.Token.UnsafeRegister(static (state, _) =>
            {
                var (gate, watched) = ((CallGate, long))state!;
                gate.Interrupt(watched, InterruptReason.Cancelled);
            }, (this, generation));
        }
    }

    /// <summary>Ends the watched call; returns why it was interrupted, if it was, and retires the claim.</summary>
    public InterruptReason EndWatched()
    {
        if (Token.CanBeCanceled)
        {
            _registration.Dispose();
            _registration = default;
        }
        if (WatchdogIndex >= 0)
        {
            CallWatchdog.Disarm(this);
        }
        long state;
        do
        {
            state = Volatile.Read(ref _state);
        }
        while (Interlocked.CompareExchange(ref _state, state & ~Watched, state) != state);
        if ((state & Claimed) == 0)
        {
            return InterruptReason.None;
        }
        InterruptReason reason = AwaitInterrupt();
        RetireClaim();
        return reason;
    }

    /// <summary>
    /// Waits for the claimed interrupt to be done and returns its reason; the outermost call
    /// that reports it also retires the claim (<paramref name="retire"/>), calls nested in a host
    /// function leave it for the outermost one.
    /// </summary>
    public InterruptReason TakeInterrupt(bool retire)
    {
        InterruptReason reason = AwaitInterrupt();
        if (retire)
        {
            RetireClaim();
        }
        return reason;
    }

    /// <summary>Interrupts watched call <paramref name="generation"/> if it still runs and nothing was claimed.</summary>
    public void Interrupt(long generation, InterruptReason reason)
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if ((state & (Watched | Claimed)) != Watched || (state & GenerationMask) != generation)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _state, state | Claimed, state) == state)
            {
                InterruptNow(reason);
                return;
            }
        }
    }

    /// <summary>
    /// Marks the instance disposed, and interrupts the owner's call if a thread owns it.
    /// </summary>
    /// <returns>Whether the calling thread now owns the instance and must free it (nobody did);
    /// false when disposal was requested before, or the owner frees it as it leaves.</returns>
    public bool RequestDispose()
    {
        long owner = (long)WamrRuntime.CurrentThreadId << OwnerShift;
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if ((state & DisposeRequested) != 0)
            {
                return false;
            }
            if ((state & Biased) != 0)
            {
                Unbias(state);
                continue;
            }
            if ((state & OwnerMask) == 0)
            {
                if (Interlocked.CompareExchange(ref _state, state | DisposeRequested | owner, state) == state)
                {
                    _depth = 1;
                    return true;
                }
                continue;
            }
            // With a libiwasm that cannot stop a guest, the owner frees the instance when its
            // guest returns by itself.
            bool claim = (state & Claimed) == 0 && WamrInterrupt.IsAvailable;
            if (Interlocked.CompareExchange(ref _state, state | DisposeRequested | (claim ? Claimed : 0), state) == state)
            {
                if (claim)
                {
                    InterruptNow(InterruptReason.Disposed);
                }
                return false;
            }
        }
    }

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

    // The owner, having seen Done: the interrupt is reported, or the instance is going away.
    private void RetireClaim() => Interlocked.And(ref _state, ~(Claimed | Done));

    /// <summary>Interrupts the owner's guest; this thread set Claimed.</summary>
    private void InterruptNow(InterruptReason reason)
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
            // Releases _reason and the native flag to the owner, which waits for this.
            Interlocked.Or(ref _state, Done);
        }
    }

    private static int Owner(long state) => (int)((ulong)state >> OwnerShift);
}
