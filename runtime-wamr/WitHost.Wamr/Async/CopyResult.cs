namespace WitHost.Wamr.Async;

/// <summary>
/// How a stream or future copy ended, in the low 4 bits of its status (the element count is in the
/// bits above for streams). A copy that could not finish at once answers <see cref="AsyncAbi.Blocked"/> instead.
/// </summary>
internal enum CopyResult : uint
{
    Completed = 0,
    Dropped = 1,
    Cancelled = 2,
}
