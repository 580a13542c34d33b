namespace WitHost.Wamr.Async;

/// <summary>
/// What a callback-lifted export (<c>[async-lift]…</c> or its <c>[callback]…</c>) returns: the code
/// in the low 4 bits, and for <see cref="Wait"/> the waitable set in the bits above.
/// </summary>
internal enum CallbackCode : uint
{
    /// <summary>The task is done; it must have called <c>task.return</c> or <c>task.cancel</c>.</summary>
    Exit = 0,

    /// <summary>The task lets others run; the host calls the callback again with no event.</summary>
    Yield = 1,

    /// <summary>The task waits for an event on the waitable set given in the upper bits.</summary>
    Wait = 2,
}
