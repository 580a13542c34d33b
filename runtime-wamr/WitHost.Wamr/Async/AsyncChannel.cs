using WitHost.Wit.Abi;
namespace WitHost.Wamr.Async;

/// <summary>
/// The shared state of one stream or future: its element layout, the read and the write waiting
/// for each other, and which ends were dropped. Elements move when a read meets a write: as many
/// as both have room for (so reads and writes may be short), after which both are done. The side
/// that comes second does the copy when it can touch guest memory (a guest built-in, on the
/// instance's thread); a host side that comes second leaves it to the guest's next look at its end.
/// Guarded by the instance's <see cref="AsyncInstanceState.Gate"/>.
/// </summary>
internal sealed class AsyncChannel
{
    public AsyncChannel(WamrInstance instance, CoreChannelType type)
    {
        Instance = instance;
        Type = type;
        IsFuture = type.IsFuture;
        TypeName = type.TypeName;
        ElementSize = type.ElementSize;
        Alignment = Math.Max(type.ElementAlignment, 1);
    }

    /// <summary>The instance whose guest holds (or held) an end.</summary>
    public WamrInstance Instance { get; }

    public CoreChannelType Type { get; }

    public bool IsFuture { get; }

    public string TypeName { get; }

    public uint ElementSize { get; }

    public uint Alignment { get; }

    /// <summary>The read waiting for a write, if any.</summary>
    public PendingCopy? Read { get; set; }

    /// <summary>The write waiting for a read, if any.</summary>
    public PendingCopy? Write { get; set; }

    public bool ReadableDropped { get; set; }

    public bool WritableDropped { get; set; }

    /// <summary>
    /// Why the guest holding an end will never take part again: the trap that faulted its instance,
    /// or the instance's disposal. The host's copies waiting for it failed with this, and new ones do.
    /// </summary>
    public Exception? GuestGone { get; private set; }

    // Made only for a host end that watches the channel (a stream the host feeds from its source).
    private TaskCompletionSource? _ended;

    /// <summary>
    /// Completes when an end is dropped, faulted with <see cref="GuestGone"/> when the guest holding
    /// one goes first: what a host end waiting on something else (its source) watches the guest by.
    /// </summary>
    public Task WhenEnded()
    {
        if (GuestGone is { } gone)
        {
            return Task.FromException(gone);
        }

        if (ReadableDropped || WritableDropped)
        {
            return Task.CompletedTask;
        }

        return (_ended ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    /// <summary>An end was dropped: tells whoever watches (<see cref="WhenEnded"/>).</summary>
    public void EndDropped() => _ended?.TrySetResult();

    /// <summary>
    /// The guest holding an end will not run again (its instance trapped or was disposed): the host's
    /// copies waiting for it fail with <paramref name="reason"/>, as will those it starts later.
    /// </summary>
    public void Abandon(Exception reason)
    {
        if (GuestGone is not null)
        {
            return;
        }

        GuestGone = reason;
        _ended?.TrySetException(reason);
        (Read as HostCopy)?.Completion.TrySetException(reason);
        (Write as HostCopy)?.Completion.TrySetException(reason);
    }

    /// <summary>
    /// Moves as many elements as both <paramref name="writer"/> and <paramref name="reader"/> have
    /// room for; the caller owns the instance when either is the guest's.
    /// </summary>
    public uint Transfer(PendingCopy writer, PendingCopy reader)
    {
        var count = Math.Min(writer.Remaining, reader.Remaining);
        if (count > 0)
        {
            // Guest memory is looked up only for a guest's side: the caller owns the instance then.
            switch (writer, reader)
            {
                case (HostCopy hostWriter, HostCopy hostReader):
                    hostWriter.ToHost(this, hostReader, count);
                    break;
                case (GuestCopy guestWriter, HostCopy hostReader):
                    hostReader.FromGuest(this, guestWriter.Pointer + (guestWriter.Done * ElementSize), count);
                    break;
                case (HostCopy hostWriter, GuestCopy guestReader):
                    hostWriter.ToGuest(this, guestReader.Pointer + (guestReader.Done * ElementSize), count);
                    break;
                default:
                    // Both sides are the guest's (one instance): only numbers may move this way (the
                    // caller checked), and their bytes are their values.
                    var guestSource = (GuestCopy)writer;
                    var guestTarget = (GuestCopy)reader;
                    var bytes = count * ElementSize;
                    if (bytes > 0)
                    {
                        var memory = Instance.Memory;
                        memory.Slice(guestSource.Pointer + (guestSource.Done * ElementSize), bytes)
                            .CopyTo(memory.Slice(guestTarget.Pointer + (guestTarget.Done * ElementSize), bytes));
                    }

                    break;
            }
        }

        writer.Done += count;
        reader.Done += count;
        return count;
    }

    /// <summary>Ends <paramref name="copy"/> (it leaves its slot) and tells its side.</summary>
    public void Finish(PendingCopy copy, CopyResult result)
    {
        if (ReferenceEquals(Read, copy))
        {
            Read = null;
        }

        if (ReferenceEquals(Write, copy))
        {
            Write = null;
        }

        switch (copy)
        {
            case GuestCopy guest:
                guest.Result ??= result;
                guest.End.Progress();
                break;
            case HostCopy host:
                host.Completion.TrySetResult(result == CopyResult.Completed ? host.Done : 0);
                break;
        }
    }
}
