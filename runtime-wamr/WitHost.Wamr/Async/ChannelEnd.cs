namespace WitHost.Wamr.Async;

/// <summary>
/// The guest's handle to one end of a stream or future: the readable or the writable end. It has an
/// event when its pending copy met the other side or the other end was dropped.
/// </summary>
internal sealed class ChannelEnd(AsyncChannel channel, bool isReadable) : Waitable
{
    public AsyncChannel Channel { get; } = channel;

    public bool IsReadable { get; } = isReadable;

    /// <summary>The guest's copy in progress on this end.</summary>
    public GuestCopy? Pending { get; set; }

    /// <summary>The guest was told the other end was dropped (or a future's value moved): only drop remains.</summary>
    public bool Done { get; set; }

    public override string Kind => (IsReadable ? "readable end of a " : "writable end of a ") + Channel.TypeName;

    /// <summary>The copy of the other side, waiting for this end.</summary>
    public PendingCopy? Partner => IsReadable ? Channel.Write : Channel.Read;

    public bool OtherEndDropped => IsReadable ? Channel.WritableDropped : Channel.ReadableDropped;

    public override bool HasEvent => Pending is { } pending && (pending.Result is not null || Partner is not null || OtherEndDropped);

    public override AsyncEvent TakeEvent(WamrInstance instance)
    {
        var pending = Pending!;
        if (pending.Result is null)
        {
            if (Partner is { } partner)
            {
                Channel.Transfer(IsReadable ? partner : pending, IsReadable ? pending : partner);
                Channel.Finish(partner, CopyResult.Completed);
                pending.Result = CopyResult.Completed;
            }
            else
            {
                pending.Result = OtherEndDropped ? CopyResult.Dropped : CopyResult.Cancelled;
            }
        }

        Channel.Finish(pending, pending.Result.Value);
        Pending = null;
        var result = pending.Result.Value;
        Done = result == CopyResult.Dropped || (Channel.IsFuture && result == CopyResult.Completed);
        var code = (IsReadable, Channel.IsFuture) switch
        {
            (true, false) => EventCode.StreamRead,
            (false, false) => EventCode.StreamWrite,
            (true, true) => EventCode.FutureRead,
            (false, true) => EventCode.FutureWrite,
        };
        return new AsyncEvent(code, Handle, Status(pending.Done, result));
    }

    /// <summary>The status a copy answers: a stream's count and result, a future's result.</summary>
    public uint Status(uint count, CopyResult result) =>
        Channel.IsFuture ? (uint)result : (count << AsyncAbi.PayloadShift) | (uint)result;
}
