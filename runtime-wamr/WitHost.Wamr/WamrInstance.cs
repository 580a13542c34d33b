using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WitHost.Wamr.Binary;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Diagnostics;
using WitHost.Wamr.Execution;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Memory;
using WitHost.Wamr.Native;
using WitHost.Wamr.Stdio;

namespace WitHost.Wamr;

/// <summary>
/// A running instance of a module: its exports, its linear memory, and the host functions it
/// was given.
/// </summary>
/// <remarks>
/// <para>Calls into one instance are serialised: another thread waits until the current call
/// returns. A call that moves values through memory (lower, invoke, lift, post-return) owns the
/// instance for all of it through <see cref="EnterCall"/>, so no other thread's call can grow or
/// move the memory, or reuse the guest's return area, in between. A host function runs on the
/// calling thread inside the call and may call back into its own instance (for example
/// <c>cabi_realloc</c>, or another export); calling another instance from inside a host function
/// is not supported by WAMR's execution environments.</para>
/// <para>After a trap the instance is faulted: later calls throw
/// <see cref="WasmInstanceFaultedException"/>. Its memory can still be read, and it must still
/// be disposed.</para>
/// <para>A running guest can be stopped: by a deadline (<see cref="InstanceOptions.CallTimeout"/>,
/// <see cref="Deadline(TimeSpan, CancellationToken)"/>), by a cancellation token
/// (<see cref="Cancellation(CancellationToken)"/>), or by disposing the instance from another
/// thread. Stopping faults the instance.</para>
/// </remarks>
public sealed unsafe partial class WamrInstance : IDisposable
{
    public const string ReallocName = "cabi_realloc";
    public const string PostReturnPrefix = "cabi_post_";

    /// <summary>
    /// The trap message when a chain of calls between guest and host (a host function calling
    /// into the guest, which calls the host again…) has used the thread's native stack.
    /// </summary>
    public const string NativeStackExhaustedMessage = "native stack exhausted: the calls between the guest and the host nest too deep for this thread's stack";

    // Call limit scopes open on this instance, on any thread: while there are none, a call skips
    // the thread-local lookup of the innermost scope.
    private int _openLimitScopes;
    // The deadline and token of the watched outermost call running now (None between calls):
    // what bounds a built-in that blocks the guest's thread (RunningCallLimit).
    private CallLimit _runningLimit = CallLimit.None;
    private readonly WamrModule _module;
    private readonly Dictionary<string, WamrFunction?> _functions = [];
    private readonly HostFunction?[] _hostFunctions;
    private readonly ModuleImport?[] _hostImports;
    private readonly WamrInstanceHandle _native;
    private readonly nint _execEnv;
    // The core call: withost_call_wasm for an instance of compiled code when the library has it
    // (a direct call into the compiled function), else wasm_runtime_call_wasm. Through a function
    // pointer, so the JIT inlines the P/Invoke's frame and transition into the call instead of
    // calling a marshalling stub.
    private readonly delegate* unmanaged[Cdecl]<nint, nint, uint, uint*, byte> _call;
    // The core call for a thread that made the last one: withost_call_wasm_same_thread, which
    // leaves the execution environment's stack boundary as that call set it, when _call is
    // withost_call_wasm and the library has it; else _call.
    private readonly delegate* unmanaged[Cdecl]<nint, nint, uint, uint*, byte> _callSameThread;
    // The same two, called without the GC transition: only for bounded exports (CallBoundedScalarExport).
    private readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, nint, uint, uint*, byte> _boundedCall;
    private readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, nint, uint, uint*, byte> _boundedCallSameThread;
    // The number (WamrRuntime.PrepareCoreCall) of the thread whose checks the core calls rely on
    // now (the owner's, once its first core call checked it), and of the thread whose core call
    // last set the stack boundary (0: none). Only the thread that owns the instance touches them.
    private long _checkedThread;
    private long _stackBoundThread;
    private readonly List<IDisposable> _hostObjects = [];
    // cabi_realloc, looked up on the first Realloc: every string and list lowered calls it.
    private WamrFunction? _realloc;
    // The context CallContext lends to one whole call at a time, and the _scopeDepth of the whole
    // call that has it (0: free). Only the thread that owns the instance touches them.
    private CanonicalAbiContext? _callContext;
    private int _callContextDepth;
    private int _callDepth;
    // Whole calls (EnterCall scopes) open on the owning thread; the instance is not freed under them.
    private int _scopeDepth;
    // The _scopeDepth of the whole call whose first core call made the thread checks of CallOwned
    // (0: none): its later core calls at the same depth run on the same thread, from about the
    // same stack depth, so they skip them.
    private int _threadCheckedScope;
    private WasmTrapException? _fault;
    // What a host function that made the guest trap said, in full: WAMR keeps only the start of
    // a trap message. Set by DispatchHostCall, taken by the Call the trap ends.
    private Exception? _pendingHostException;
    private string? _pendingHostTrap;
    // Set by an exit (RequestExit): the host call then ends the guest's work with the exception
    // WAMR treats as a return.
    private bool _exitRequested;
    // The status of the exit that ended the last export call (ExitStatus); null when it returned.
    private int? _exitStatus;
    // Exits so far: a host function during which one happened, in a call it made back into the
    // guest, ends the guest's work too when it returns (an exit ends the instance's work, not
    // just the innermost call).
    private int _exitCount;
    private const string ProcExitException = "wasi proc exit";
    private static readonly WasiOptions s_noWasi = new();
    // The instance's lock, the interrupt of its running call and the dispose request, in one word.
    private readonly CallGate _gate;
    // The word where WAMR keeps the linear memory's size (null: no memory, or a libiwasm that
    // cannot tell), and the size counted in the memory pressure so far.
    private readonly uint* _memorySize;
    private uint _countedMemoryBytes;
    // The word where WAMR keeps the linear memory's address, beside _memorySize (null when that
    // is, or when the libiwasm cannot tell): Memory reads the two instead of asking WAMR.
    private readonly byte** _memoryData;
    private readonly TimeSpan? _callTimeout;
    private GuestStdio? _stdio;

    internal WamrInstance(WamrModule module, WamrInstanceHandle native, HostImports imports, InstanceOptions options)
    {
        _module = module;
        _native = native;
        nint handle = native.DangerousGetHandle();
        HostState = options.HostState;
        MaxLiftBytes = options.MaxLiftBytes;

        IReadOnlyList<ModuleImport> moduleImports = module.Info.FunctionImports;
        ReadOnlySpan<int> slots = module.ImportSlots;
        int slotCount = 0;
        foreach (int slot in slots)
        {
            slotCount = Math.Max(slotCount, slot + 1);
        }
        _hostFunctions = new HostFunction?[slotCount];
        _hostImports = new ModuleImport?[slotCount];
        for (int i = 0; i < moduleImports.Count; i++)
        {
            if (slots[i] >= 0)
            {
                _hostImports[slots[i]] = moduleImports[i];
                // A component may wire a core import to a component import or built-in of another
                // name: the host defines the world's name, and what the component wires wins over
                // what the core name says.
                // What the host does not define of the plain WASI 0.2 functions, the runtime serves.
                // Preview1's proc_exit is the runtime's own, as the rest of preview1 is WAMR's.
                var world = module.Component?.WorldImportFor(moduleImports[i].Module, moduleImports[i].Name);
                _hostFunctions[slots[i]] = WasiProcExit.Is(moduleImports[i].Module, moduleImports[i].Name) ? WasiProcExit.Function
                    : (world is { } wired ? imports.Find(wired.Module, wired.Name) : null)
                    ?? imports.Find(moduleImports[i].Module, moduleImports[i].Name)
                    ?? WasiPreview2Functions.Find(world?.Module ?? moduleImports[i].Module, world?.Name ?? moduleImports[i].Name, options.Wasi ?? s_noWasi);
            }
        }

        _execEnv = WamrNative.GetExecEnvSingleton(handle);
        if (_execEnv == 0)
        {
            throw new WasmInstantiationException("WAMR could not create an execution environment for the instance.");
        }
        WamrInterrupt.UseWholeAuxStack(_execEnv);
        nint call = WamrCallFunctions.Direct != 0 ? WamrCallFunctions.Direct : WamrCallFunctions.General;
        _call = (delegate* unmanaged[Cdecl]<nint, nint, uint, uint*, byte>)call;
        _callSameThread = call == WamrCallFunctions.Direct && WamrCallFunctions.DirectSameThread != 0
            ? (delegate* unmanaged[Cdecl]<nint, nint, uint, uint*, byte>)WamrCallFunctions.DirectSameThread
            : _call;
        // A bounded export is the module's own function, and the module reader refuses reference
        // types in signatures: the entry that tests neither, when the library has it.
        bool own = call == WamrCallFunctions.Direct && WamrCallFunctions.Own != 0 && WamrCallFunctions.OwnSameThread != 0;
        _boundedCall = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, nint, uint, uint*, byte>)(own ? WamrCallFunctions.Own : call);
        _boundedCallSameThread = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, nint, uint, uint*, byte>)(own ? WamrCallFunctions.OwnSameThread : (nint)_callSameThread);
        _gate = new CallGate(_execEnv);
        if (options.CallTimeout is { } timeout)
        {
            WamrInterrupt.EnsureAvailable();
            _callTimeout = timeout;
        }
        native.SetOwner(this);
        uint memoryStart, memoryEnd;
        long memoryBytes = WamrNative.GetAppAddrRange(handle, 0, &memoryStart, &memoryEnd) ? memoryEnd - memoryStart : 0;
        // What WAMR allocated for the instance: the linear memory (WAMR puts an app heap inside
        // it, so HeapSize is counted there) and the operand stack; its own structures and WASI's
        // are about 3 KiB.
        native.AddMemoryPressure(memoryBytes + options.StackSize);
        _observedMemoryBytes = memoryBytes;
        _memorySize = WamrResidency.MemorySizeCell(handle);
        _memoryData = _memorySize == null ? null : WamrResidency.MemoryDataCell(handle);
        _countedMemoryBytes = (uint)memoryBytes;
        WamrTelemetry.InstanceCreated(this);
    }

    /// <summary>
    /// Gives back the all-zero pages of the memory and of the operand stack
    /// (<see cref="InstanceOptions.ReleaseZeroPages"/>); returns the bytes given back. Only
    /// before anyone else can call the instance: right after instantiation.
    /// </summary>
    internal ulong ReleaseZeroPages() => WamrResidency.ReleaseZeroPages(_native.DangerousGetHandle(), _execEnv);

    /// <summary>The module this instance was created from.</summary>
    public WamrModule Module => _module;

    /// <summary>The per-instance host object given in <see cref="InstanceOptions.HostState"/>.</summary>
    public object? HostState { get; }

    /// <summary>The lift budget of each call into or out of this instance (<see cref="InstanceOptions.MaxLiftBytes"/>).</summary>
    public ulong MaxLiftBytes { get; }

    /// <summary>Whether a trap has faulted the instance.</summary>
    public bool IsFaulted => _fault is not null;

    /// <summary>Whether every call is watched by <see cref="InstanceOptions.CallTimeout"/>.</summary>
    internal bool HasCallTimeout => _callTimeout is not null;

    /// <summary>Whether the instance's gate is biased to a thread now (for tests).</summary>
    internal bool IsGateBiased => _gate.IsBiased;

    /// <summary>
    /// The status the guest exited with in the last export it ran, or null when that export
    /// returned without exiting (or none has run). A guest exits with WASI preview1's
    /// <c>proc_exit(code)</c> (the code's 32 bits, as an <see cref="int"/>), or WASI 0.2's
    /// <c>wasi:cli/exit</c>: <c>exit(ok)</c> is 0, <c>exit(err)</c> 1, <c>exit-with-code(n)</c> n.
    /// An exit ends the guest's work there (the export's too when the guest exits in a call a
    /// host function made back into it); a core call of the export returns normally, its results
    /// not meaningful, while a WIT-level call throws <see cref="WasmExitException"/>; the instance
    /// stays usable either way. Read it after the call, on the calling thread.
    /// </summary>
    public int? ExitStatus => _exitStatus;

    /// <summary>
    /// The linear memory as it is now. Read it again after every call into the guest: a call may
    /// grow the memory and move it.
    /// </summary>
    public GuestMemory Memory
    {
        get
        {
            nint handle = LiveHandle();
            if (_memoryData != null)
            {
                // Two loads where asking WAMR is two native calls (about 110 instructions): a
                // string call looks the memory up after each call into the guest.
                return new GuestMemory(*_memoryData, *_memorySize);
            }
            uint start, end;
            if (!WamrNative.GetAppAddrRange(handle, 0, &start, &end))
            {
                return new GuestMemory(null, 0);
            }
            byte* native = WamrNative.AddrAppToNative(handle, 0);
            // Up to 4 GiB - 1 (WAMR's largest memory): past what an int or a span holds.
            return new GuestMemory(native, (long)end - start);
        }
    }

    /// <summary>
    /// <see cref="Memory"/> for the thread that owns the instance: an instance is not freed under
    /// its owner, so the check that it was not disposed is left out.
    /// </summary>
    private GuestMemory OwnedMemory => _memoryData != null ? new GuestMemory(*_memoryData, *_memorySize) : Memory;

    /// <summary>
    /// Limits the calls this thread makes into the instance, until the returned scope is
    /// disposed, to <paramref name="timeout"/> from now, and stops them when
    /// <paramref name="cancellationToken"/> is cancelled. Use it around generated calls:
    /// <c>using (guest.Instance.Deadline(TimeSpan.FromSeconds(1))) { guest.Run(); }</c>.
    /// </summary>
    /// <remarks>A call stopped by the deadline throws <see cref="WasmTimeoutException"/>, one
    /// stopped by the token <see cref="OperationCanceledException"/>; either faults the instance.
    /// A call already running when the scope opens is not affected.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive or
    /// exceeds <see cref="InstanceOptions.MaxCallTimeout"/>.</exception>
    /// <exception cref="NotSupportedException">The loaded libiwasm cannot stop a running guest.</exception>
    public CallLimitScope Deadline(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        InstanceOptions.ValidateTimeout(timeout, nameof(timeout));
        WamrInterrupt.EnsureAvailable();
        return CallLimitScope.Open(this, timeout, cancellationToken);
    }

    /// <summary>
    /// Stops the calls this thread makes into the instance, until the returned scope is disposed,
    /// when <paramref name="cancellationToken"/> is cancelled: they throw
    /// <see cref="OperationCanceledException"/> and the instance is faulted.
    /// </summary>
    /// <exception cref="NotSupportedException">The loaded libiwasm cannot stop a running guest.</exception>
    public CallLimitScope Cancellation(CancellationToken cancellationToken)
    {
        WamrInterrupt.EnsureAvailable();
        return CallLimitScope.Open(this, null, cancellationToken);
    }

    /// <summary>The exported function <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The guest exports no function of that name.</exception>
    public WamrFunction GetFunction(string name) =>
        TryGetFunction(name) ?? throw new KeyNotFoundException($"The guest exports no function named '{name}'.");

    /// <summary>The exported function <paramref name="name"/>, or null.</summary>
    public WamrFunction? TryGetFunction(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnterCallLock();
        try
        {
            if (_functions.TryGetValue(name, out WamrFunction? cached))
            {
                return cached;
            }
            nint handle = LiveHandle();
            WamrFunction? function = null;
            // A component may lift a core export of another name for the world's export `name`.
            string coreName = _module.Component?.CoreExportFor(name) ?? name;
            // WAMR looks exports up by C string; a name with a NUL in it names no export it has.
            if (NulTerminatedUtf8.CanEncode(coreName))
            {
                int byteCount = NulTerminatedUtf8.ByteCount(coreName);
                Span<byte> utf8 = byteCount <= 256 ? stackalloc byte[byteCount] : new byte[byteCount];
                NulTerminatedUtf8.Write(coreName, utf8);
                nint native;
                fixed (byte* text = utf8)
                {
                    native = WamrNative.LookupFunction(handle, text, null);
                }
                if (native != 0)
                {
                    function = new WamrFunction(this, name, native, ReadType(handle, native));
                }
            }
            _functions[name] = function;
            return function;
        }
        finally
        {
            ExitCallLock();
        }
    }

    /// <summary>Calls the export <paramref name="name"/> with core values.</summary>
    public WasmValue[] Invoke(string name, params ReadOnlySpan<WasmValue> arguments) => GetFunction(name).Invoke(arguments);

    /// <summary>
    /// Sees every host-side <c>cabi_realloc</c> call (old pointer, old size, alignment, new size,
    /// returned pointer) after it succeeded. Both the dynamic codec and generated bindings allocate
    /// only through <see cref="Realloc"/>, so tests use this to check they make the same calls.
    /// </summary>
    internal Action<uint, uint, uint, uint, uint>? ReallocObserver { get; set; }

    /// <summary>
    /// Calls the guest's <c>cabi_realloc(old, oldSize, align, newSize)</c> and checks that the
    /// block it returns is aligned and inside memory, as the Canonical ABI requires; a bad block
    /// is a trap.
    /// </summary>
    public uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize) =>
        Realloc(originalPointer, originalSize, alignment, newSize, out _);

    /// <summary>
    /// <see cref="Realloc(uint, uint, uint, uint)"/>, also giving the memory as it is after the
    /// call: the check of the block has looked it up, and the caller, about to write into the
    /// block, would otherwise look it up again (two native calls).
    /// </summary>
    internal uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize, out GuestMemory memory)
    {
        WamrFunction realloc = _realloc ??= TryGetFunction(ReallocName)
            ?? throw new WamrException($"The guest does not export {ReallocName}, which the Canonical ABI needs to pass strings and lists.");
        Span<uint> cells = [originalPointer, originalSize, alignment, newSize];
        realloc.CheckCells(cells);
        // Inside a whole call (a generated call lowering its arguments) the instance is owned
        // already: no second lock.
        bool owned = _gate.IsOwnedByCurrentThread;
        if (owned)
        {
            CallOwned(realloc, cells);
        }
        else
        {
            Call(realloc, cells);
        }
        uint pointer = cells[0];
        memory = owned ? OwnedMemory : Memory;
        if (CanonicalRules.ReallocResultError(pointer, alignment, newSize, (ulong)memory.Length) is { } error)
        {
            throw Fault(ReallocName, error, null);
        }
        if (ReallocObserver is { } observer)
        {
            observer(originalPointer, originalSize, alignment, newSize, pointer);
            memory = Memory;
        }
        return pointer;
    }

    /// <summary>
    /// Calls <c>cabi_post_&lt;export&gt;</c> with the export's flat results, if the guest has one,
    /// so the guest can free what it returned. Call it after lifting the results.
    /// </summary>
    /// <returns>Whether the guest had a post-return function.</returns>
    public bool PostReturn(WamrFunction export, ReadOnlySpan<uint> resultCells)
    {
        ArgumentNullException.ThrowIfNull(export);
        if (TryGetFunction(PostReturnPrefix + export.Name) is not { } post)
        {
            return false;
        }
        EnterCallLock();
        try
        {
            CallPostReturn(post, resultCells);
        }
        finally
        {
            ExitCallLock();
        }
        return true;
    }

    /// <summary>
    /// Owns the instance for one whole call until the returned scope is disposed: another thread
    /// that calls into the instance meanwhile waits. Generated calls and the dynamic calls hold it
    /// from lowering their arguments to the guest's post-return; a host that makes a call of its
    /// own out of several core calls (<see cref="Realloc"/>, writes to <see cref="Memory"/>, an
    /// export, <see cref="PostReturn"/>) should hold it the same way.
    /// </summary>
    /// <remarks>
    /// The ownership is re-entrant on its thread: a host function (which runs inside a call, on
    /// the calling thread) may make core calls into its own instance again. A WIT export call
    /// enters through <see cref="EnterExportCall"/> instead, which traps there. It allocates
    /// nothing; use it with <c>using</c>, on the thread that entered it.
    /// </remarks>
    public CallScope EnterCall()
    {
        EnterCallLock();
        _scopeDepth++;
        return new CallScope(this);
    }

    /// <summary>
    /// Owns the instance for one call of a WIT export (<paramref name="exportName"/>), as
    /// <see cref="EnterCall"/> does, and traps if the instance is already on this thread's stack:
    /// a host function it called, still running, calls one of its exports again. The Component
    /// Model forbids re-entering a component instance (<c>canon lift</c> traps), so that the
    /// guest's code never runs in the middle of one of its own calls. Generated export calls and
    /// <see cref="CanonicalAbi.DynamicExportCall"/> enter through here; core calls
    /// (<see cref="WamrFunction.Invoke"/>, <see cref="Realloc"/>) keep core WebAssembly's rules and
    /// may re-enter.
    /// </summary>
    /// <param name="exportName">The export being called, named in the trap.</param>
    /// <param name="worldName">The WIT world the instance was made for, named in the trap; null when unknown.</param>
    /// <exception cref="WasmTrapException">The instance is on the stack; it is faulted, as after any trap.</exception>
    public CallScope EnterExportCall(string exportName, string? worldName = null)
    {
        _gate.Enter();
        // Holding the lock, only this thread runs the guest: a core call in progress is one of
        // this thread's, below the caller on its stack.
        if (_callDepth != 0)
        {
            ExitCallLock();
            throw Fault(exportName, ReentranceMessage(exportName, worldName), null);
        }
        _scopeDepth++;
        return new CallScope(this, exportName);
    }

    /// <summary>
    /// The rule of every WIT-level export call after the export's core call (generated hosts,
    /// <see cref="CanonicalAbi.DynamicExportCall"/>, async exports' steps): a guest that exited in
    /// it has no result, so nothing is lifted and its post-return does not run; the call throws
    /// <see cref="WasmExitException"/>. The instance is not faulted.
    /// </summary>
    /// <exception cref="WasmExitException">The guest exited in the call.</exception>
    // Inlined, its throw out of line: the test is on every scalar call's path (about 12
    // instructions a call fewer than a call of its own, callgrind).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ThrowIfExited(string exportName)
    {
        if (_exitStatus.HasValue)
        {
            ThrowExited(exportName);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowExited(string exportName) => throw new WasmExitException(exportName, _exitStatus!.Value);

    /// <summary>
    /// The whole call of a <see cref="Bindings.ScalarExport"/>: owns the instance as
    /// <see cref="EnterExportCall"/> does (re-entering it is the same trap), makes the core call and
    /// the guest's post-return, and leaves. No scope is opened: nothing of the call outlives its
    /// core calls (no memory to read, no context), so the instance need not be held for code of
    /// the caller's in between.
    /// </summary>
    // Not inlined into ScalarExport.Invoke, whose bounded path (CallBoundedScalarExport) must not
    // get this path's P/Invoke frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void CallScalarExport(Bindings.ScalarExport export, Span<uint> cells)
    {
        _gate.Enter();
        try
        {
            WamrFunction function = export.Function;
            if (_callDepth != 0)
            {
                throw Fault(function.Name, ReentranceMessage(function.Name, export.WorldName), null);
            }
            // An export is never cabi_realloc or a post-return: the telemetry check is CallOwned's without that test.
            if (WamrTelemetry.CallsObserved)
            {
                CallObserved(function, cells);
            }
            else
            {
                CallUnobserved(function, cells);
            }
            ThrowIfExited(function.Name);
            if (export.PostReturn is { } postReturn)
            {
                CallPostReturn(postReturn, cells);
            }
        }
        finally
        {
            ExitCallLock();
        }
    }

    /// <summary>Calls <paramref name="postReturn"/> with the flat results in <paramref name="resultCells"/>, which it leaves as they are.</summary>
    private void CallPostReturn(WamrFunction postReturn, ReadOnlySpan<uint> resultCells)
    {
        Span<uint> cells = stackalloc uint[Math.Max(postReturn.ParameterCells, 1)];
        resultCells[..Math.Min(resultCells.Length, postReturn.ParameterCells)].CopyTo(cells);
        CallUnobservedOutOfLine(postReturn, cells);
    }

    private static string ReentranceMessage(string exportName, string? worldName)
        => $"re-entrance: '{exportName}' was called on an instance{(worldName is null ? "" : $" of '{worldName}'")} that is already on the stack " +
           "(a host function it called is still running); the Component Model does not let a component instance be re-entered";

    /// <summary>
    /// A Canonical ABI context for a call this thread makes or serves. Inside a whole call
    /// (<see cref="EnterCall"/>) whose scopes have none yet, the instance's one context, reset:
    /// a generated call then allocates nothing for it. It is lent to that whole call until it
    /// ends, so a call nested inside it (a host function's, or one the host function makes back
    /// into the guest) gets a new context of its own.
    /// </summary>
    internal CanonicalAbiContext CallContext(StringEncoding encoding, string functionName)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        return _scopeDepth > 0 && _gate.IsOwnedByCurrentThread
            ? OwnerContext(encoding, functionName)
            : new CanonicalAbiContext(new WamrCanonicalMemory(this), encoding, functionName, MaxLiftBytes);
    }

    /// <summary>
    /// <see cref="CallContext"/> for the thread that owns the instance inside a whole call, which
    /// the caller knows (<see cref="CallScope.Context"/>: a scope exists only on that thread).
    /// </summary>
    internal CanonicalAbiContext OwnerContext(StringEncoding encoding, string functionName)
    {
        if (_callContextDepth == 0)
        {
            CanonicalAbiContext context = _callContext ??= new CanonicalAbiContext(new WamrCanonicalMemory(this), encoding, functionName, MaxLiftBytes);
            context.Reset(encoding, functionName);
            _callContextDepth = _scopeDepth;
            return context;
        }
        return new CanonicalAbiContext(new WamrCanonicalMemory(this), encoding, functionName, MaxLiftBytes);
    }

    private void ExitCall()
    {
        if (_observedCall is not null)
        {
            EndObservedCall();
        }

        if (_callContextDepth == _scopeDepth)
        {
            _callContextDepth = 0;
        }
        if (_threadCheckedScope == _scopeDepth)
        {
            _threadCheckedScope = 0;
        }
        _scopeDepth--;
        ExitCallLock();
    }

    internal void Call(WamrFunction function, Span<uint> cells)
    {
        EnterCallLock();
        try
        {
            CallOwned(function, cells);
        }
        finally
        {
            ExitCallLock();
        }
    }

    /// <summary>The deadline and token of a call starting now: the thread's innermost
    /// <see cref="CallLimitScope"/> for this instance, shortened by <see cref="InstanceOptions.CallTimeout"/>.</summary>
    private CallLimit CurrentLimit()
    {
        CallLimit limit = CallLimitScope.Innermost(this) ?? CallLimit.None;
        if (_callTimeout is { } timeout)
        {
            long deadline = CallLimit.DeadlineAfter(timeout);
            if (deadline < limit.Deadline)
            {
                limit = limit with { Deadline = deadline, Timeout = timeout };
            }
        }
        return limit;
    }

    /// <summary>
    /// The deadline and token of the outermost call running on this thread, the instance's
    /// <see cref="InstanceOptions.CallTimeout"/> included (<see cref="CallLimit.None"/> when it has
    /// neither): a built-in that blocks the guest's thread waits no longer than the call may run.
    /// Read by the thread that owns the instance.
    /// </summary>
    internal CallLimit RunningCallLimit => _runningLimit;

    /// <summary>Counts a <see cref="CallLimitScope"/> opened (+1) or disposed (-1) on this instance.</summary>
    internal void CountLimitScope(int change) => Interlocked.Add(ref _openLimitScopes, change);

    /// <summary>Faults the instance for a guest stopped from outside; returns what to throw.</summary>
    private Exception Interrupted(string functionName, InterruptReason reason)
    {
        switch (reason)
        {
            case InterruptReason.Deadline:
                var timeout = new WasmTimeoutException(functionName, _gate.Timeout);
                RecordFault(timeout, WamrTelemetry.TimeoutTrap);
                return timeout;
            case InterruptReason.Cancelled:
                WasmTrapException cancelled = Fault(functionName, "guest interrupted: the call was cancelled", null, WamrTelemetry.CancelledTrap);
                return new OperationCanceledException(
                    $"The call into '{functionName}' was cancelled: the guest was stopped and the instance is faulted.", cancelled, _gate.Token);
            default:
                WasmTrapException disposed = Fault(functionName, "guest interrupted: the instance was disposed", null, WamrTelemetry.DisposedTrap);
                return new ObjectDisposedException($"The instance was disposed while '{functionName}' ran: the guest was stopped.", disposed);
        }
    }

    /// <summary>A core call by the thread that owns the instance (<see cref="EnterCall"/> or <see cref="Call"/>).</summary>
    // Inlined into CallScope.InvokeCells and Realloc with CallUnobserved: their core call is then in their own frame.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CallOwned(WamrFunction function, Span<uint> cells)
    {
        // The one check telemetry costs an export's call when nobody listens; cabi_realloc and
        // cabi_post_* are part of the export's call and never measured, so they skip it.
        if (!function.IsAbiHelper && WamrTelemetry.CallsObserved)
        {
            CallObserved(function, cells);
            return;
        }
        CallUnobserved(function, cells);
    }

    /// <summary>
    /// <see cref="CallUnobserved"/> as a call of its own, for the paths that are rare
    /// (measured calls) or follow a core call anyway (post-return): the body is inlined only
    /// into the two that every export call takes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CallUnobservedOutOfLine(WamrFunction function, Span<uint> cells) => CallUnobserved(function, cells);

    // Inlined into CallScalarExport and CallOwned: a scalar export's call is then one frame,
    // not two (the call and the second frame's set-up cost about 23 instructions).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CallUnobserved(WamrFunction function, Span<uint> cells)
    {
        bool outermost = _callDepth == 0;
        // What other threads asked of the instance since: Dispose, or an interrupt of the call
        // this one is nested in. One read of the word the owner shares with them.
        if (_gate.Pending is var pending and not 0)
        {
            throw FailureBeforeCall(function.Name, pending, outermost);
        }
        if (_fault is not null)
        {
            throw FailureBeforeCall(function.Name, 0, outermost);
        }
        // A whole call (cabi_realloc, the export, cabi_post_…) checks the thread once, at its first
        // core call; a call nested in a host function always checks, since the stack has grown.
        if (!outermost || _scopeDepth == 0 || _threadCheckedScope != _scopeDepth)
        {
            // WAMR stops a call only when 1 KiB is left above the thread's guard page, too little
            // for the .NET frames that then report its trap: the process would die of a stack
            // overflow. So the guest is not entered unless .NET could still run and unwind a
            // typical call chain here (128 KiB on 64-bit); past that it is a trap, which unwinds
            // the nested calls.
            byte frame = 0;
            if (!WamrRuntime.PrepareCoreCall((nuint)(&frame), out long thread))
            {
                // Neither pending nor faulted (checked above): the stack.
                throw FailureBeforeCall(function.Name, 0, outermost);
            }
            _checkedThread = thread;
            if (outermost)
            {
                _threadCheckedScope = _scopeDepth;
            }
        }
        _pendingHostException = null;
        _pendingHostTrap = null;
        // An export starts with no exit; cabi_realloc before it and the post-return after it
        // are part of its call and keep what it ended with. Tested first: what is almost always
        // false, so a call after no exit pays one read.
        if (_exitStatus.HasValue && outermost && !function.IsAbiHelper)
        {
            _exitStatus = null;
        }
        // Only the outermost call is watched by a deadline or token: calls a host function makes
        // back into the guest run inside it, and an interrupt stops them too. A call with
        // neither (the common one) skips working out its limit; only Dispose can stop it.
        bool watched = false;
        if (outermost && (Volatile.Read(ref _openLimitScopes) != 0 || _callTimeout is not null))
        {
            CallLimit limit = CurrentLimit();
            if (!limit.IsNone)
            {
                _gate.BeginWatched(limit);
                _runningLimit = limit;
                watched = true;
            }
        }
        _callDepth++;
        bool ok;
        InterruptReason interrupted = InterruptReason.None;
        try
        {
            fixed (uint* argv = cells)
            {
                // The stack boundary is set again unless this thread's core call set it last.
                // _checkedThread is this thread's: its checks ran above, or at the first core call
                // of the whole call this one is part of, on the thread that still owns the instance.
                var call = _checkedThread == _stackBoundThread ? _callSameThread : _call;
                _stackBoundThread = _checkedThread;
                ok = call(_execEnv, function.Handle, (uint)function.ParameterCells, argv) != 0;
            }
        }
        finally
        {
            _callDepth--;
            if (watched)
            {
                _runningLimit = CallLimit.None;
                interrupted = _gate.EndWatched();
            }
            else if (_gate.InterruptClaimed)
            {
                // A nested call leaves the claim to the outermost call, which reports it too.
                interrupted = _gate.TakeInterrupt(retire: outermost);
            }
        }
        if (_memorySize != null && *_memorySize != _countedMemoryBytes)
        {
            CountGrownMemory();
        }
        if (interrupted != InterruptReason.None)
        {
            _pendingHostException = null;
            _pendingHostTrap = null;
            throw Interrupted(function.Name, interrupted);
        }
        if (!ok)
        {
            throw GuestTrapped(function.Name);
        }
    }

    /// <summary>
    /// The guest's core call of <paramref name="functionName"/> trapped: takes WAMR's exception
    /// (or the whole text of the host function's trap that caused it), faults the instance and
    /// returns what to throw.
    /// </summary>
    // Out of line: the trap path's P/Invokes would otherwise give every core call's frame their set-up.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Exception GuestTrapped(string functionName)
    {
        nint handle = _native.DangerousGetHandle();
        string message = Marshal.PtrToStringUTF8((nint)WamrNative.GetException(handle)) ?? "unknown trap";
        WamrNative.ClearException(handle);
        const string prefix = "Exception: ";
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            message = message[prefix.Length..];
        }
        string kind = _pendingHostTrap switch
        {
            null => WamrTelemetry.GuestTrap,
            NativeStackExhaustedMessage => WamrTelemetry.StackTrap,
            _ => WamrTelemetry.HostTrap,
        };
        // A trap a host function raised keeps its whole text, not WAMR's shortened copy.
        message = _pendingHostTrap ?? message;
        Exception? hostException = _pendingHostException;
        _pendingHostException = null;
        _pendingHostTrap = null;
        if (hostException is CallLimitReachedException reached)
        {
            // A built-in blocked the guest until the call's deadline or token stopped it.
            return Interrupted(functionName, reached.Reason);
        }
        return Fault(functionName, message, hostException, kind);
    }

    /// <summary>
    /// Adds what the guest's <c>memory.grow</c> added to its memory, in this call or in one nested
    /// in it, to the native memory the garbage collector is told of: WAMR keeps it allocated until
    /// the instance is freed, so an instance that grew is as heavy to forget as one that started
    /// that large.
    /// </summary>
    private void CountGrownMemory()
    {
        uint size = *_memorySize;
        _native.AddGrownMemoryPressure((long)size - _countedMemoryBytes);
        _countedMemoryBytes = size;
        Volatile.Write(ref _observedMemoryBytes, size);
    }

    /// <summary>
    /// Runs the host function bound to <paramref name="slot"/>; returns a trap message or null.
    /// The instance keeps the message (and the exception) whole for the trap the caller of the
    /// export gets; WAMR is given only its start.
    /// </summary>
    internal string? DispatchHostCall(int slot, ulong* args)
    {
        // The host function would run .NET code on a stack WAMR has used up (see Call).
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return _pendingHostTrap = NativeStackExhaustedMessage;
        }
        if ((uint)slot >= (uint)_hostImports.Length || _hostImports[slot] is not { } import)
        {
            return _pendingHostTrap = $"the guest called host slot {slot}, which its module does not import";
        }
        if (_hostFunctions[slot] is not { } function)
        {
            return _pendingHostTrap = $"import '{import.Module}' '{import.Name}' has no host implementation";
        }
        try
        {
            int exits = _exitCount;
            function(new HostCallContext(this, import, args));
            if (_exitRequested || _exitCount != exits)
            {
                _exitRequested = false;
                return ProcExitException;
            }
            // A trap inside the host function (a WIT call that would have re-entered this
            // instance, a core call that trapped) faulted the instance; the host function may have
            // caught it, but the guest does not run on after a trap.
            if (_fault is { } fault)
            {
                _pendingHostException = fault;
                return _pendingHostTrap = fault.TrapMessage;
            }
            return null;
        }
        catch (Exception e)
        {
            _pendingHostException = e;
            return _pendingHostTrap = $"host function '{import.Module}' '{import.Name}' threw {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>
    /// Makes the running host call end the guest's work when it returns, with
    /// <paramref name="status"/> for <see cref="ExitStatus"/>: the export returns normally (its
    /// results are not meaningful) and the instance stays usable.
    /// </summary>
    internal void RequestExit(int status)
    {
        _exitRequested = true;
        _exitStatus = status;
        _exitCount++;
    }

    /// <summary>Records a trap, faulting the instance, and returns the exception to throw.</summary>
    /// <param name="kind">What made it (WamrTelemetry's trap kinds); by default a host function's
    /// failure when there is an <paramref name="inner"/> exception, else a Canonical ABI check's.</param>
    internal WasmTrapException Fault(string functionName, string message, Exception? inner, string? kind = null)
    {
        var trap = new WasmTrapException(functionName, message, inner);
        RecordFault(trap, kind ?? (inner is null ? WamrTelemetry.AbiTrap : WamrTelemetry.HostTrap));
        return trap;
    }

    private nint LiveHandle()
    {
        ObjectDisposedException.ThrowIf(_native.IsClosed || _gate.IsDisposeRequested, this);
        return _native.DangerousGetHandle();
    }

    /// <summary>
    /// What a core call throws instead of entering the guest, the first that holds: another
    /// thread asked something of the instance (<paramref name="pending"/>, its
    /// <see cref="CallGate.Pending"/>, not 0): it was disposed, or the call this one is nested in
    /// was interrupted while a host function ran; the instance is faulted; else the stack is too
    /// short for .NET to report a trap, which faults it. The general call
    /// (<see cref="CallUnobserved"/>) and the bounded call (<see cref="LeaveAndThrowBeforeCall"/>)
    /// both throw what this makes.
    /// </summary>
    // Out of line: an exception built inline would add its set-up to the hot paths this is called from.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Exception FailureBeforeCall(string functionName, long pending, bool outermost)
    {
        if (pending != 0)
        {
            if (CallGate.IsDisposed(pending))
            {
                // A claim Dispose made is retired when the owner leaves the instance.
                return new ObjectDisposedException(nameof(WamrInstance));
            }
            return Interrupted(functionName, _gate.TakeInterrupt(retire: outermost));
        }
        if (_fault is { } fault)
        {
            return new WasmInstanceFaultedException(fault);
        }
        return Fault(functionName, NativeStackExhaustedMessage, null, WamrTelemetry.StackTrap);
    }

    /// <summary>Takes the instance (<see cref="_gate"/>); every holder leaves through <see cref="ExitCallLock"/>.</summary>
    private void EnterCallLock() => _gate.Enter();

    /// <summary>
    /// Owns the instance for a moment's work on its memory, if nobody runs it: no thread owns it,
    /// this one included (a guest below on this thread's stack is in the middle of a call), and it
    /// is neither faulted nor being disposed. Never waits; leave with <see cref="ExitIdle"/>.
    /// </summary>
    internal bool TryEnterIdle()
    {
        if (_gate.IsOwnedByCurrentThread || _gate.IsDisposeRequested || !_gate.TryEnter())
        {
            return false;
        }

        if (_native.IsClosed || _gate.IsDisposeRequested || IsFaulted)
        {
            ExitCallLock();
            return false;
        }

        return true;
    }

    /// <summary>Leaves what <see cref="TryEnterIdle"/> took.</summary>
    internal void ExitIdle() => ExitCallLock();

    /// <summary>
    /// Leaves the instance, and frees it if <see cref="Dispose"/> was called from another thread
    /// while this one owned it: Dispose never waits, so the free falls to the owner as it leaves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ExitCallLock()
    {
        // The common exit (no other thread touched the gate) inlines; the rest is a method of its own.
        if (!_gate.TryExit())
        {
            ExitCallLockContended();
        }
    }

    /// <summary><see cref="ExitCallLock"/> when another thread waits, interrupted or disposed the instance.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ExitCallLockContended()
    {
        if (_gate.TryExitContended(freed: false))
        {
            return;
        }
        IDisposable[]? hostObjects = FreeNativeAndLeave();
        // The call that Dispose stopped is unwinding with its own exception: a host object's
        // failure to dispose must not replace it, so it is not reported here.
        try
        {
            DisposeHostObjects(hostObjects);
        }
        catch (AggregateException)
        {
        }
    }

    /// <summary>
    /// Frees the instance (<see cref="FreeNative"/>) and leaves the gate marked freed, even when
    /// the free throws: the last owner of a disposed instance, in <see cref="ExitCallLock"/> or
    /// <see cref="Dispose"/>. Returns the host objects to dispose after that.
    /// </summary>
    private IDisposable[]? FreeNativeAndLeave()
    {
        try
        {
            return FreeNative();
        }
        finally
        {
            _gate.TryExitContended(freed: true);
        }
    }

    /// <summary>
    /// Deinstantiates, once, when no call and no whole call (<see cref="EnterCall"/>) is on the
    /// stack: a whole call may still read memory it looked up before. Runs owning the instance
    /// (<see cref="_gate"/>); returns the host objects to dispose once the lock is released.
    /// </summary>
    private IDisposable[]? FreeNative()
    {
        if (_native.IsClosed || _callDepth > 0 || _scopeDepth > 0)
        {
            return null;
        }
        _native.Dispose();
        WamrTelemetry.InstanceFreed(this);
        // WAMR closed the guest's ends of the stdio pipes with the instance; what the guest wrote
        // is delivered before the instance is gone.
        _stdio?.Dispose();
        IDisposable[] hostObjects = [.. _hostObjects];
        _hostObjects.Clear();
        return hostObjects;
    }

    private static FunctionType ReadType(nint instance, nint function)
    {
        uint parameterCount = WamrNative.FuncGetParamCount(function, instance);
        uint resultCount = WamrNative.FuncGetResultCount(function, instance);
        byte* parameterKinds = stackalloc byte[(int)parameterCount + 1];
        byte* resultKinds = stackalloc byte[(int)resultCount + 1];
        WamrNative.FuncGetParamTypes(function, instance, parameterKinds);
        WamrNative.FuncGetResultTypes(function, instance, resultKinds);
        return new FunctionType(Kinds(parameterKinds, parameterCount), Kinds(resultKinds, resultCount));
    }

    private static ImmutableArray<WasmValueKind> Kinds(byte* kinds, uint count)
    {
        var result = ImmutableArray.CreateBuilder<WasmValueKind>((int)count);
        for (int i = 0; i < count; i++)
        {
            result.Add(kinds[i] <= (byte)WasmValueKind.F64
                ? (WasmValueKind)kinds[i]
                : throw new NotSupportedException($"Value kind {kinds[i]} (a reference type) is not supported."));
        }
        return result.MoveToImmutable();
    }

    /// <summary>
    /// Host objects the instance should dispose when it is disposed, after the guest is gone:
    /// generated bindings attach their resource tables, so the objects the guest still owns are
    /// disposed with it.
    /// </summary>
    public void AttachHostObjects(IDisposable owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        EnterCallLock();
        try
        {
            ObjectDisposedException.ThrowIf(_native.IsClosed || _gate.IsDisposeRequested, this);
            _hostObjects.Add(owner);
        }
        finally
        {
            ExitCallLock();
        }
    }

    /// <summary>
    /// Destroys the instance and frees its memory, then disposes the host objects attached to it
    /// (<see cref="AttachHostObjects"/>). Safe to call more than once. Never waits for a guest
    /// running on another thread: that call is stopped (it throws
    /// <see cref="ObjectDisposedException"/>) and the instance is freed, and its host objects
    /// disposed, when that thread's whole call ends. An instance that is never disposed is freed by
    /// the finalizer, but its host objects are then left to the garbage collector.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside a call into this instance.</exception>
    /// <exception cref="AggregateException">Host objects threw from their <c>Dispose</c>; every one was disposed.</exception>
    public void Dispose()
    {
        if (_gate.IsOwnedByCurrentThread && (_callDepth > 0 || _scopeDepth > 0))
        {
            throw new InvalidOperationException("An instance cannot be disposed from inside a call into it.");
        }
        // Marks the instance disposed. If another thread owns it, its guest is stopped (with a
        // libiwasm that cannot stop it, it is freed when the guest returns by itself) and that
        // thread frees it as it leaves; else this thread now owns it and frees it here.
        if (!_gate.RequestDispose())
        {
            return;
        }
        IDisposable[]? hostObjects = FreeNativeAndLeave();
        DisposeHostObjects(hostObjects);
    }

    /// <summary>Disposes host objects of a freed instance, every one even when some throw.</summary>
    private static void DisposeHostObjects(IDisposable[]? hostObjects)
    {
        if (hostObjects is not null)
        {
            HostObjects.DisposeAll(hostObjects, "Host objects of the disposed instance threw while being disposed.");
        }
    }

    /// <summary>Gives the instance its standard streams, which it closes when it is disposed.</summary>
    internal void AttachStdio(GuestStdio stdio) => _stdio = stdio;
}
