namespace WitHost.Wamr.Values;

/// <summary>
/// A resource handle (<c>own</c>/<c>borrow</c>), or a <c>future</c>, <c>stream</c> or
/// <c>error-context</c> handle: the i32 index in the handle table it travels as.
/// </summary>
/// <param name="Handle">The handle index.</param>
public sealed record WitHandleValue(uint Handle) : WitValue;
