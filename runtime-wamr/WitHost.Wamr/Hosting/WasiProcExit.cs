namespace WitHost.Wamr.Hosting;

/// <summary>
/// WASI preview1's <c>proc_exit</c>, served by the runtime instead of WAMR's libc-wasi (which
/// serves the rest of preview1): WAMR keeps the code where only its own command-line runner reads
/// it, so the host could not tell an exit from a return. Served here, the guest's work ends as
/// WAMR's would end it (the exception WAMR treats as a return) and the code is
/// <see cref="WamrInstance.ExitStatus"/>, as the status of WASI 0.2's <c>wasi:cli/exit</c> is.
/// </summary>
internal static class WasiProcExit
{
    private const string Name = "proc_exit";

    /// <summary>Whether (<paramref name="module"/>, <paramref name="name"/>) is preview1's <c>proc_exit</c>, under either of the names WAMR serves preview1 by.</summary>
    public static bool Is(string module, string name) => name == Name && HostImportRegistry.IsWasiPreview1(module);

    /// <summary>
    /// <c>proc_exit(rval: exitcode)</c>: exitcode is a u32, kept as its 32 bits. A guest that
    /// imports it with another core type traps when it calls it (the argument is read typed).
    /// </summary>
    public static readonly HostFunction Function = static call => call.Instance.RequestExit(call.GetInt32(0));

    // The status of an exit in a start function, which runs while WAMR instantiates the module,
    // before there is an instance to keep it (HostImportRegistry.Dispatch): the instantiation on
    // this thread takes it when WAMR reports the failure the exit made.
    [ThreadStatic]
    private static int? t_exitBeforeInstance;

    /// <summary>The guest called <c>proc_exit</c> in its start function, with <paramref name="status"/>.</summary>
    public static void ExitBeforeInstance(int status) => t_exitBeforeInstance = status;

    /// <summary>The status of an exit in a start function on this thread since the last call, or null; clears it.</summary>
    public static int? TakeExitBeforeInstance()
    {
        var status = t_exitBeforeInstance;
        t_exitBeforeInstance = null;
        return status;
    }
}
