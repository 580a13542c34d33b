namespace WitHost.Wamr.Async;

/// <summary>The host's readable end of a stream the guest writes.</summary>
public sealed class HostStreamReader : HostChannelEnd
{
    internal HostStreamReader(AsyncChannel channel, AsyncInstanceState state)
        : base(channel, state, readable: true)
    {
    }

    /// <summary>
    /// Reads what the guest writes next into <paramref name="buffer"/>, up to its size: as many
    /// bytes as the guest's write offers (a short read is normal). 0 means the guest dropped its end:
    /// the stream is over.
    /// </summary>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("A read needs room for at least one element.", nameof(buffer));
        }

        var count = await CopyAsync(new ByteHostCopy<byte>(buffer, Elements(buffer.Length)), cancellationToken).ConfigureAwait(false);
        return (int)count * Math.Max(ElementSize, 1);
    }
}
