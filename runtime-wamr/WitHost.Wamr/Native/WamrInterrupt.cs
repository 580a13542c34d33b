using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// WitHost's own additions to libiwasm (<c>runtime-wamr/native/interrupt/withost_interrupt.c</c>):
/// stopping a running guest from another thread, and giving an instance's execution environment
/// the guest's whole shadow stack under WAMR's thread manager.
/// </summary>
/// <remarks>
/// The symbols are looked up by name rather than bound with <see cref="LibraryImportAttribute"/>:
/// a libiwasm the user points at (<see cref="WamrEngine.LibraryPath"/>) may lack them, and that
/// must make deadlines fail with a message, not make every instance fail to load.
/// </remarks>
internal static unsafe class WamrInterrupt
{
    /// <summary>The version of the native contract this runtime speaks.</summary>
    private const int ExpectedVersion = 1;

    private static Lazy<Exports?> s_exports = new(BindLoadedLibrary);

    /// <summary>Whether the loaded libiwasm can stop a running guest.</summary>
    public static bool IsAvailable => s_exports.Value is not null;

    /// <summary>
    /// Throws when the loaded libiwasm cannot stop a guest, naming why; deadlines, cancellation
    /// and <see cref="InstanceOptions.CallTimeout"/> call it before they promise anything.
    /// </summary>
    /// <exception cref="NotSupportedException">The libiwasm lacks WitHost's interrupt functions.</exception>
    public static void EnsureAvailable()
    {
        if (!IsAvailable)
        {
            string? explicitPath = WamrEngine.LibraryPath ?? Environment.GetEnvironmentVariable(LibIwasmResolver.PathVariable);
            throw new NotSupportedException(
                "Deadlines and cancellation need a libiwasm built by WitHost (runtime-wamr/native/build-libiwasm.sh): the loaded one"
                + (string.IsNullOrEmpty(explicitPath) ? "" : $" ('{explicitPath}')")
                + $" does not export withost_interrupt version {ExpectedVersion}, so a running guest could not be stopped. "
                + "Use WitHost's libiwasm, or build yours with runtime-wamr/native/CMakeLists.txt (it adds the function and WAMR_BUILD_THREAD_MGR=1).");
        }
    }

    /// <summary>Stops the guest running on <paramref name="execEnv"/> with a trap whose message is
    /// <paramref name="message"/> (NUL-terminated UTF-8 that outlives the call).</summary>
    public static void Interrupt(nint execEnv, byte* message) => s_exports.Value!.Interrupt(execEnv, message);

    /// <summary>Gives <paramref name="execEnv"/> the guest's whole shadow stack (the thread manager
    /// hands each execution environment a fraction of it); does nothing on a libiwasm without the
    /// function, whose thread manager, if any, is the user's choice.</summary>
    public static void UseWholeAuxStack(nint execEnv)
    {
        if (s_exports.Value is { } exports)
        {
            exports.UseWholeAuxStack(execEnv);
        }
    }

    /// <summary>
    /// Binds to <paramref name="library"/> instead of the loaded libiwasm until the result is
    /// disposed, so tests can see what a libiwasm without the interrupt functions does.
    /// </summary>
    internal static IDisposable BindForTesting(nint library)
    {
        Lazy<Exports?> previous = s_exports;
        s_exports = new Lazy<Exports?>(Bind(library));
        return new Restore(() => s_exports = previous);
    }

    private static Exports? BindLoadedLibrary()
    {
        // The very library the P/Invoke layer resolved (the runtime is initialised before any
        // instance asks): loading "iwasm" by name here could find another copy, for example the
        // one beside the application when WamrEngine.LibraryPath points elsewhere.
        nint library = LibIwasmResolver.LoadedLibrary;
        return library != 0 ? Bind(library) : null;
    }

    private static Exports? Bind(nint library)
    {
        if (!NativeLibrary.TryGetExport(library, "withost_interrupt_version", out nint version)
            || ((delegate* unmanaged[Cdecl]<int>)version)() != ExpectedVersion
            || !NativeLibrary.TryGetExport(library, "withost_interrupt", out nint interrupt)
            || !NativeLibrary.TryGetExport(library, "withost_exec_env_use_whole_aux_stack", out nint auxStack))
        {
            return null;
        }
        return new Exports(
            (delegate* unmanaged[Cdecl]<nint, byte*, void>)interrupt,
            (delegate* unmanaged[Cdecl]<nint, byte>)auxStack);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    private sealed class Exports(delegate* unmanaged[Cdecl]<nint, byte*, void> interrupt, delegate* unmanaged[Cdecl]<nint, byte> useWholeAuxStack)
    {
        public void Interrupt(nint execEnv, byte* message) => interrupt(execEnv, message);

        public void UseWholeAuxStack(nint execEnv) => useWholeAuxStack(execEnv);
    }
}
