namespace WitHost.Wamr.Hosting;

/// <summary>
/// A host function a guest imports. It reads its arguments from <paramref name="call"/> and
/// sets its result there. An exception it throws makes the guest trap, and reaches the host
/// caller of the export as the inner exception of a <see cref="WasmTrapException"/>.
/// </summary>
public delegate void HostFunction(HostCallContext call);
