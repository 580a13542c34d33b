namespace WitHost.Wamr.Async;

/// <summary>
/// A copy the host started on its end. It completes with the number of elements moved (0: the other
/// end was dropped). How elements move depends on what they are: as one block of bytes when their
/// bytes are their value (<see cref="ByteHostCopy"/>: the byte-level ends, and numbers in C#), or
/// as C# values through the Canonical ABI's load and store (<see cref="ElementHostCopy{T}"/>).
/// </summary>
internal abstract class HostCopy(uint count) : PendingCopy(count)
{
    public TaskCompletionSource<uint> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A read: moves <paramref name="count"/> elements from the guest's memory at <paramref name="pointer"/> into this copy's buffer.</summary>
    public abstract void FromGuest(AsyncChannel channel, uint pointer, uint count);

    /// <summary>A write: moves <paramref name="count"/> elements of this copy's buffer into the guest's memory at <paramref name="pointer"/>.</summary>
    public abstract void ToGuest(AsyncChannel channel, uint pointer, uint count);

    /// <summary>A write meeting another host read (the guest passed the readable end back): moves <paramref name="count"/> elements.</summary>
    public abstract void ToHost(AsyncChannel channel, HostCopy reader, uint count);
}
