namespace WitHost.Wamr;

/// <summary>How an instance is created.</summary>
public sealed record InstanceOptions
{
    public static InstanceOptions Default { get; } = new();

    /// <summary>Size of the WAMR operand stack for calls into the instance, in bytes. Deep guest
    /// recursion past it traps with a stack overflow.</summary>
    public uint StackSize { get; init; } = 64 * 1024;

    /// <summary>Size of WAMR's own app heap inside linear memory, in bytes. Guests built with
    /// wasi-libc bring their own <c>malloc</c> and <c>cabi_realloc</c>, so the default is none.</summary>
    public uint HeapSize { get; init; }

    /// <summary>WASI configuration; null gives the guest no arguments, no environment and no directories.</summary>
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

    /// <summary>Whether to run the WASI reactor initialiser <c>_initialize</c> when the module exports it.</summary>
    public bool RunReactorInitializer { get; init; } = true;
}
