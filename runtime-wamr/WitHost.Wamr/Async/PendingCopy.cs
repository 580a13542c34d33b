namespace WitHost.Wamr.Async;

/// <summary>
/// A read or write of a stream or future that waits for the other side: <see cref="Count"/>
/// elements, of which <see cref="Done"/> have moved.
/// </summary>
internal abstract class PendingCopy(uint count)
{
    public uint Count { get; } = count;

    public uint Done { get; set; }

    public uint Remaining => Count - Done;
}
