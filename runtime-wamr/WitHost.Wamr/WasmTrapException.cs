namespace WitHost.Wamr;

/// <summary>
/// The guest trapped during a call. <see cref="TrapMessage"/> is WAMR's message (for example
/// <c>unreachable</c> or <c>out of bounds memory access</c>), <see cref="FunctionName"/> the export
/// the host called. When a host function threw and so made the guest trap, that exception is the
/// <see cref="Exception.InnerException"/>.
/// </summary>
/// <remarks>
/// After a trap the instance is faulted, as the Component Model requires: its state may be
/// half-updated (the guest's shadow stack pointer, for instance, is not restored), so further
/// calls throw <see cref="WasmInstanceFaultedException"/>. Create a new instance to go on.
/// Lifting a bad value from guest memory (out of bounds, misaligned, invalid encoding) is also
/// a trap and faults the instance the same way, and so is a guest stopped from outside
/// (<see cref="WasmTimeoutException"/>).
/// </remarks>
public class WasmTrapException : WamrException
{
    public WasmTrapException(string functionName, string trapMessage, Exception? innerException = null)
        : base($"wasm trap in '{functionName}': {trapMessage}", innerException)
    {
        FunctionName = functionName;
        TrapMessage = trapMessage;
    }

    /// <summary>The guest export that was called when the trap happened.</summary>
    public string FunctionName { get; }

    /// <summary>WAMR's description of the trap, or the runtime's for a failed ABI check.</summary>
    public string TrapMessage { get; }
}
