namespace WitHost.Wamr.Async;

/// <summary>
/// Moves <see cref="ErrorContext"/> values across the boundary: an <c>error-context</c> the guest
/// passes or returns is lifted from its handle (the guest keeps its handle, as the spec has it), and
/// one the host passes is lowered as a new handle the guest owns and drops.
/// </summary>
public static class ErrorContexts
{
    /// <summary>The error context behind the guest's handle <paramref name="handle"/>; a dead handle is a trap.</summary>
    public static ErrorContext Lift(WamrInstance instance, uint handle, string functionName)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = instance.AsyncState;
        lock (state.Gate)
        {
            try
            {
                return state.Table.Get<ErrorContextEntry>(handle, "error context", functionName).Value;
            }
            catch (WasmTrapException trap)
            {
                throw instance.Fault(functionName, trap.TrapMessage, null);
            }
        }
    }

    /// <summary>A new handle of the guest's to <paramref name="error"/>.</summary>
    public static uint Lower(WamrInstance instance, ErrorContext error)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(error);
        var state = instance.AsyncState;
        lock (state.Gate)
        {
            return state.Table.Add(new ErrorContextEntry(error));
        }
    }
}
