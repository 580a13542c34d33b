namespace WitHost.Wamr.Async;

/// <summary>
/// The trap a misused async built-in raises. Thrown inside the host function serving the built-in,
/// it makes the guest trap and faults the instance; the message names the built-in and the misuse.
/// </summary>
internal static class AsyncTrap
{
    public static WasmTrapException In(string builtin, string message) => new(builtin, message);
}
