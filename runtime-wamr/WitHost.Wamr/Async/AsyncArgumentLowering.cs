namespace WitHost.Wamr.Async;

/// <summary>
/// Lowers an async export call's arguments into the guest when its task starts: it runs owning
/// <paramref name="instance"/>, so it may allocate in the guest (strings, lists, spilled
/// parameters) and write there, and returns the flat core arguments of <c>[async-lift]…</c>.
/// </summary>
public delegate WasmValue[] AsyncArgumentLowering(WamrInstance instance);
