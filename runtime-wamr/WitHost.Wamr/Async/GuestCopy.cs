namespace WitHost.Wamr.Async;

/// <summary>A copy the guest started on one of its ends: elements at <see cref="Pointer"/> in its memory.</summary>
internal sealed class GuestCopy(ChannelEnd end, uint pointer, uint count) : PendingCopy(count)
{
    public ChannelEnd End { get; } = end;

    public uint Pointer { get; } = pointer;

    /// <summary>How the copy ended, once it has (the guest is then owed an event).</summary>
    public CopyResult? Result { get; set; }
}
