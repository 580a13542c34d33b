using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// The functions a core call goes through, as addresses in the loaded libiwasm:
/// <c>wasm_runtime_call_wasm</c>, and WitHost's call into compiled code
/// (<c>runtime-wamr/native/calls/withost_call.c</c>): <c>withost_call_wasm</c> takes the arguments
/// and returns the results as <c>wasm_runtime_call_wasm</c> does, and calls an ahead-of-time
/// compiled function with an integer signature directly rather than through WAMR's general
/// native-call path, which costs compiled code more per call than the interpreter pays
/// (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// The instance calls them through unmanaged function pointers rather than
/// <see cref="LibraryImportAttribute"/> methods: the JIT then inlines the P/Invoke's frame into
/// the call instead of calling a marshalling stub (about 55 instructions a call). <c>withost_call_wasm</c> is looked
/// up by name, as <see cref="WamrInterrupt"/>'s functions are: a libiwasm without it (one the
/// user built from plain WAMR) calls compiled code through <c>wasm_runtime_call_wasm</c>, as it
/// calls interpreted code.
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
    /// <c>withost_call_wasm</c> of the loaded libiwasm, or 0 when it has none. Only an instance of
    /// a compiled module uses it; interpreted code gains nothing from it.
    /// </summary>
    public static nint Compiled { get; } = Bind("withost_call_wasm");

    /// <summary>
    /// <c>withost_call_wasm_same_thread</c> of the loaded libiwasm, or 0 when it has none:
    /// <see cref="Compiled"/> without setting the execution environment's stack boundary for the
    /// calling thread, for a call whose thread made the last call on it (the boundary is still
    /// that thread's).
    /// </summary>
    public static nint CompiledSameThread { get; } = Bind("withost_call_wasm_same_thread");

    private static nint Bind(string name) =>
        // The library the P/Invoke layer resolved (the runtime is initialised before any
        // instance exists), not another copy found by name.
        LibIwasmResolver.LoadedLibrary is var library and not 0
        && NativeLibrary.TryGetExport(library, name, out nint function)
            ? function
            : 0;
}
