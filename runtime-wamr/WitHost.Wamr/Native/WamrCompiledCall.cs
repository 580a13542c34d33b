using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// WitHost's call into compiled code (<c>runtime-wamr/native/calls/withost_call.c</c>):
/// <c>withost_call_wasm</c> takes the arguments and returns the results as
/// <c>wasm_runtime_call_wasm</c> does, and calls an ahead-of-time compiled function with an
/// integer signature directly rather than through WAMR's general native-call path, which costs
/// compiled code more per call than the interpreter pays (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// Looked up by name, as <see cref="WamrInterrupt"/>'s functions are: a libiwasm without it
/// (one the user built from plain WAMR) calls compiled code through
/// <c>wasm_runtime_call_wasm</c>, as it calls interpreted code.
/// </remarks>
internal static unsafe class WamrCompiledCall
{
    private static readonly nint s_function = Bind();

    /// <summary>
    /// <c>withost_call_wasm</c> of the loaded libiwasm, or null when it has none. Only an
    /// instance of a compiled module uses it; interpreted code gains nothing from it.
    /// </summary>
    public static delegate* unmanaged[Cdecl]<nint, nint, uint, uint*, byte> Function =>
        (delegate* unmanaged[Cdecl]<nint, nint, uint, uint*, byte>)s_function;

    /// <summary>
    /// <see cref="Function"/>, called without the GC transition: only for a function that
    /// provably runs bounded without calling the host (<see cref="Binary.BoundedFunctionAnalysis"/>).
    /// </summary>
    public static delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, nint, uint, uint*, byte> BoundedFunction =>
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, nint, uint, uint*, byte>)s_function;

    private static nint Bind() =>
        // The library the P/Invoke layer resolved (the runtime is initialised before any
        // instance exists), not another copy found by name.
        LibIwasmResolver.LoadedLibrary is var library and not 0
        && NativeLibrary.TryGetExport(library, "withost_call_wasm", out nint function)
            ? function
            : 0;
}
