namespace WitHost.Wamr;

/// <summary>A call was made on an instance that trapped earlier; the first trap is the inner exception.</summary>
public sealed class WasmInstanceFaultedException : WamrException
{
    public WasmInstanceFaultedException(WasmTrapException firstTrap)
        : base($"The instance trapped earlier and can no longer be called ({firstTrap.Message}). Create a new instance.", firstTrap)
    {
    }
}
