namespace WitHost.Wamr.Async;

/// <summary>
/// Lowers an async export call's <paramref name="arguments"/> into the guest when its task starts,
/// as <see cref="AsyncArgumentLowering"/> does, writing the flat core arguments of
/// <c>[async-lift]…</c> into <paramref name="flat"/> (exactly as many as it takes). The arguments
/// travel as a value beside the lowering, so a lowering that captures nothing is made once and a
/// call allocates neither a closure nor an array for them.
/// </summary>
public delegate void AsyncArgumentLowering<TArguments>(WamrInstance instance, TArguments arguments, Span<WasmValue> flat);
