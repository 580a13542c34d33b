namespace WitHost.Wamr;

/// <summary>How an instance is created.</summary>
public sealed record InstanceOptions
{
    public static InstanceOptions Default { get; } = new();

    /// <summary>The smallest <see cref="StackSize"/>: 1 KiB.</summary>
    public const uint MinStackSize = 1024;

    /// <summary>Size of the WAMR operand stack for calls into the instance, in bytes, from
    /// <see cref="MinStackSize"/> up; default 64 KiB. Deep guest recursion past it traps with a
    /// stack overflow, at any size (a stack too small for the guest's <c>_initialize</c> fails the
    /// instantiation with that trap). With <see cref="ReleaseZeroPages"/> on, the part no call has
    /// used yet costs address space, not resident memory; off, all of it is resident.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below <see cref="MinStackSize"/>.</exception>
    public uint StackSize
    {
        get;
        init => field = value >= MinStackSize
            ? value
            : throw new ArgumentOutOfRangeException(nameof(StackSize), value, $"The operand stack must be at least {MinStackSize} bytes.");
    } = 64 * 1024;

    /// <summary>Size of WAMR's own app heap inside linear memory, in bytes. Guests built with
    /// wasi-libc bring their own <c>malloc</c> and <c>cabi_realloc</c>, so the default is none
    /// (WAMR also leaves it out for a guest that exports <c>malloc</c> and <c>free</c>).</summary>
    public uint HeapSize { get; init; }

    /// <summary>
    /// Whether, once the instance is created and its <c>_initialize</c> has run, the pages of its
    /// linear memory and of its operand stack that hold only zeros are given back to the
    /// operating system (default off). WAMR zeroes both whole when it creates them, which makes
    /// every page resident whether the guest ever uses it or not; a page given back reads as
    /// zeros again when next touched, so the guest sees no difference. On, an instance of a
    /// two-page guest keeps about 35 KiB resident instead of about 200 KiB. It is off by default
    /// because of what it costs a host that makes and disposes instances quickly: the allocator
    /// reuses the blocks of a disposed instance, and WAMR's zeroing of them for the next instance
    /// then faults every page given back in again (about 40 page faults per instantiation;
    /// docs/benchmarks.md measures both). Turn it on for instances that live long, or many at
    /// once. Needs the libiwasm WitHost builds; with another it does nothing.
    /// </summary>
    public bool ReleaseZeroPages { get; init; }

    /// <summary>WASI configuration; null gives the guest no arguments, no environment, no directories, and
    /// standard streams that reach nothing of the host (<see cref="WasiOptions.Stdin"/>, <see cref="WasiOptions.Stdout"/>).</summary>
    public WasiOptions? Wasi { get; init; }

    /// <summary>An object generated bindings or host functions can reach through
    /// <see cref="WamrInstance.HostState"/>: the per-instance host implementation.</summary>
    public object? HostState { get; init; }

    /// <summary>
    /// The most host memory, in bytes, that lifting the values of one call may create: the
    /// strings and lists an export returns, or a guest passes to a host import. Past it the call
    /// traps and the instance is faulted. Default
    /// <see cref="CanonicalAbi.CanonicalAbiContext.DefaultMaxLiftBytes"/> (64 MiB); docs/reliability.md
    /// says how values are counted.
    /// </summary>
    public ulong MaxLiftBytes { get; init; } = CanonicalAbi.CanonicalAbiContext.DefaultMaxLiftBytes;

    /// <summary>
    /// The most live handles each of a generated host's resource tables holds (one table per
    /// resource type): a guest asking for one more traps. Default
    /// <see cref="Bindings.HandleLimits.DefaultMaxHandles"/> (2^20).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public int MaxHandlesPerTable
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxHandlesPerTable), value, "A handle table must be able to hold at least one handle.");
    } = Bindings.HandleLimits.DefaultMaxHandles;

    /// <summary>
    /// The longest one call from the host into the guest may run, or null (the default) for no
    /// limit. A guest still running when it passes is stopped, the call throws
    /// <see cref="WasmTimeoutException"/> and the instance is faulted. It applies to each call the
    /// host makes into the guest on its own: an export, and each <c>cabi_realloc</c> or
    /// <c>cabi_post_…</c> around it; to bound a whole generated call, or several, use
    /// <see cref="WamrInstance.Deadline(TimeSpan, CancellationToken)"/>. Host functions the guest
    /// calls count towards the time of the call they run in.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero, a negative time, or more than
    /// <see cref="MaxCallTimeout"/>.</exception>
    /// <remarks>Instantiating with a timeout throws <see cref="NotSupportedException"/> when the
    /// loaded libiwasm cannot stop a running guest (docs/native.md).</remarks>
    public TimeSpan? CallTimeout
    {
        get;
        init => field = value is { } timeout ? ValidateTimeout(timeout, nameof(CallTimeout)) : null;
    }

    /// <summary>The longest timeout a call or scope may be given: about 24 days.</summary>
    public static TimeSpan MaxCallTimeout { get; } = TimeSpan.FromMilliseconds(int.MaxValue);

    internal static TimeSpan ValidateTimeout(TimeSpan timeout, string parameterName)
    {
        if (timeout <= TimeSpan.Zero || timeout > MaxCallTimeout)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, $"A call timeout must be more than zero and at most {MaxCallTimeout}.");
        }
        return timeout;
    }

    /// <summary>Whether to run the WASI reactor initialiser <c>_initialize</c> when the module exports it.</summary>
    public bool RunReactorInitializer { get; init; } = true;
}
