namespace WitHost.Wamr;

/// <summary>
/// The guest exited during a call of a WIT export: WASI preview1's <c>proc_exit</c>, or WASI
/// 0.2's <c>wasi:cli/exit</c> <c>exit</c> / <c>exit-with-code</c>. The export has no result: it
/// was not lifted, and the guest's post-return did not run. <see cref="Status"/> is the status the
/// guest exited with, as <see cref="WamrInstance.ExitStatus"/> reports it (0 for <c>exit(ok)</c>,
/// 1 for <c>exit(err)</c>).
/// </summary>
/// <remarks>
/// An exit is not a trap: the instance is not faulted, and its next call runs. A status of 0 is
/// a guest that chose to stop with success; the call still has no result to return. Core calls
/// (<see cref="WamrFunction.Invoke(System.ReadOnlySpan{WasmValue})"/>) keep core WebAssembly's
/// view: they return, with <see cref="WamrInstance.ExitStatus"/> set.
/// </remarks>
public class WasmExitException : WamrException
{
    public WasmExitException(string exportName, int status)
        : base($"the guest exited with status {status} in '{exportName}'")
    {
        ExportName = exportName;
        Status = status;
    }

    /// <summary>
    /// The export the host called, in which the guest exited; <c>start function</c> or
    /// <c>_initialize</c> when it exited while the module was instantiated (the exception is then
    /// the inner exception of a <see cref="WasmInstantiationException"/>).
    /// </summary>
    public string ExportName { get; }

    /// <summary>The status the guest exited with.</summary>
    public int Status { get; }
}
