namespace WitHost.Wamr.Async;

/// <summary>The states of a call the guest made through an <c>[async-lower]</c> import.</summary>
internal enum SubtaskState : uint
{
    Starting = 0,
    Started = 1,
    Returned = 2,
    CancelledBeforeStarted = 3,
    CancelledBeforeReturned = 4,
}
