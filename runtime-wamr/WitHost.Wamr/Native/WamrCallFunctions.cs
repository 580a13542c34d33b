using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// The functions a core call goes through, as addresses in the loaded libiwasm:
/// <c>wasm_runtime_call_wasm</c>, and WitHost's own entry
/// (<c>runtime-wamr/native/calls/withost_call.c</c>): <c>withost_call_wasm</c> takes the arguments
/// and returns the results as <c>wasm_runtime_call_wasm</c> does, calls an ahead-of-time
/// compiled function with an integer signature directly rather than through WAMR's general
/// native-call path, which costs compiled code more per call than the interpreter pays, and
/// enters the interpreter at its own entry rather than through WAMR's two layers above it
/// (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// The instance calls them through unmanaged function pointers rather than
/// <see cref="LibraryImportAttribute"/> methods: the JIT then inlines the P/Invoke's frame into
/// the call instead of calling a marshalling stub (about 55 instructions a call). <c>withost_call_wasm</c> is looked
/// up by name, as <see cref="WamrInterrupt"/>'s functions are: a libiwasm without it (one the
/// user built from plain WAMR) makes every call through <c>wasm_runtime_call_wasm</c>.
/// </remarks>
internal static class WamrCallFunctions
{
    /// <summary><c>wasm_runtime_call_wasm</c> of the loaded libiwasm.</summary>
    public static nint General { get; } = Bind("wasm_runtime_call_wasm") is var general and not 0
        ? general
        // The resolver did not load it (only a host that resolves libiwasm itself): the library
        // the P/Invoke layer binds to by name.
        : NativeLibrary.GetExport(NativeLibrary.Load(WamrNative.Library, typeof(WamrNative).Assembly, null), "wasm_runtime_call_wasm");

    /// <summary>
    /// <c>withost_call_wasm</c> of the loaded libiwasm, or 0 when it has none. Every instance uses
    /// it when the library has it, compiled or interpreted.
    /// </summary>
    public static nint Direct { get; } = Bind("withost_call_wasm");

    /// <summary>
    /// <c>withost_call_wasm_same_thread</c> of the loaded libiwasm, or 0 when it has none:
    /// <see cref="Direct"/> without setting the execution environment's stack boundary for the
    /// calling thread, for a call whose thread made the last call on it (the boundary is still
    /// that thread's).
    /// </summary>
    public static nint DirectSameThread { get; } = Bind("withost_call_wasm_same_thread");

    /// <summary>
    /// <c>withost_call_own</c> of the loaded libiwasm, or 0 when it has none: <see cref="Direct"/>
    /// for a function the caller knows is the module's own (not an import) with no externref in
    /// its signature, which an interpreted call then does not test.
    /// </summary>
    public static nint Own { get; } = Bind("withost_call_own");

    /// <summary><c>withost_call_own_same_thread</c>: <see cref="Own"/> as <see cref="DirectSameThread"/> is <see cref="Direct"/>.</summary>
    public static nint OwnSameThread { get; } = Bind("withost_call_own_same_thread");

    private static nint Bind(string name) =>
        // The library the P/Invoke layer resolved (the runtime is initialised before any
        // instance exists), not another copy found by name.
        LibIwasmResolver.LoadedLibrary is var library and not 0
        && NativeLibrary.TryGetExport(library, name, out nint function)
            ? function
            : 0;
}
