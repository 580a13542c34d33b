namespace WitHost.Wamr.Async;

/// <summary>
/// The host's end of a stream or future whose other end a guest holds: reads or writes that wait
/// for the guest (holding no thread), and dropping the end. One copy at a time.
/// </summary>
public abstract class HostChannelEnd : IDisposable
{
    private readonly AsyncInstanceState _state;
    private readonly bool _readable;
    private bool _dropped;

    private protected HostChannelEnd(AsyncChannel channel, AsyncInstanceState state, bool readable)
    {
        Channel = channel;
        _state = state;
        _readable = readable;
    }

    /// <summary>The type, e.g. <c>stream&lt;u8&gt;</c>.</summary>
    public string TypeName => Channel.TypeName;

    /// <summary>The size in bytes of one element (the buffers' unit).</summary>
    public int ElementSize => (int)Channel.ElementSize;

    private protected AsyncChannel Channel { get; }

    /// <summary>Drops this end: the guest's next copy on the other end ends DROPPED.</summary>
    public void Dispose()
    {
        lock (_state.Gate)
        {
            if (_dropped)
            {
                return;
            }

            _dropped = true;
            var own = _readable ? Channel.Read : Channel.Write;
            if (own is HostCopy pending)
            {
                if (_readable)
                {
                    Channel.Read = null;
                }
                else
                {
                    Channel.Write = null;
                }

                pending.Completion.TrySetCanceled();
            }

            ChannelBuiltins.DropEnd(Channel, _readable);
        }
    }

    /// <summary>
    /// Starts a copy of up to <paramref name="count"/> elements and completes with the number moved
    /// (0 when the guest dropped its end first).
    /// </summary>
    private protected Task<uint> CopyAsync(HostCopy copy, CancellationToken cancellationToken)
    {
        lock (_state.Gate)
        {
            ObjectDisposedException.ThrowIf(_dropped, this);
            if ((_readable ? Channel.Read : Channel.Write) is not null)
            {
                throw new InvalidOperationException($"A {(_readable ? "read" : "write")} of this {TypeName} is already in progress.");
            }

            var partner = _readable ? Channel.Write : Channel.Read;
            if (partner is null && (_readable ? Channel.WritableDropped : Channel.ReadableDropped))
            {
                return Task.FromResult(0u);
            }

            // The guest will never come: its instance trapped or was disposed.
            if (Channel.GuestGone is { } gone)
            {
                return Task.FromException<uint>(gone);
            }

            if (_readable)
            {
                Channel.Read = copy;
            }
            else
            {
                Channel.Write = copy;
            }

            // The guest's copy waiting for this one. Touching its memory needs the instance: bytes
            // move at once when nobody runs the guest, and the guest's next look at its end finds
            // its copy done (one thread-pool hop fewer per meeting, and this copy completes
            // without waiting). Otherwise, and for elements whose store may call into the guest
            // (cabi_realloc), the guest moves them when it next looks at its end, which this wakes.
            if (partner is GuestCopy guest)
            {
                if (copy is ByteHostCopy && Channel.Instance.TryEnterIdle())
                {
                    try
                    {
                        Channel.Transfer(_readable ? guest : copy, _readable ? copy : guest);
                    }
                    finally
                    {
                        Channel.Instance.ExitIdle();
                    }

                    Channel.Finish(guest, CopyResult.Completed);
                    Channel.Finish(copy, CopyResult.Completed);
                    return copy.Completion.Task;
                }

                guest.End.Progress();
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (_state.Gate)
                {
                    if (ReferenceEquals(_readable ? Channel.Read : Channel.Write, copy))
                    {
                        if (_readable)
                        {
                            Channel.Read = null;
                        }
                        else
                        {
                            Channel.Write = null;
                        }

                        copy.Completion.TrySetCanceled(cancellationToken);
                    }
                }
            });
            copy.Completion.Task.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration, TaskScheduler.Default);
        }

        return copy.Completion.Task;
    }

    /// <summary>
    /// Completes when an end of the channel is dropped (the guest's, or this one), faulted with the
    /// trap when the guest's instance trapped first (<see cref="ObjectDisposedException"/> when it
    /// was disposed): lets a host end that waits on something other than the guest (its source)
    /// learn that the guest went away.
    /// </summary>
    internal Task WhenEnded()
    {
        lock (_state.Gate)
        {
            return Channel.WhenEnded();
        }
    }

    private protected uint Elements(int bytes)
    {
        if (ElementSize == 0)
        {
            return (uint)bytes;
        }

        if (bytes % ElementSize != 0)
        {
            throw new ArgumentException($"A buffer for {TypeName} holds whole elements of {ElementSize} bytes; {bytes} bytes do not.");
        }

        return (uint)(bytes / ElementSize);
    }
}
