namespace WitHost.Wamr.Async;

/// <summary>The host's writable end of a stream the guest reads. Disposing it ends the stream.</summary>
public sealed class HostStreamWriter : HostChannelEnd
{
    internal HostStreamWriter(AsyncChannel channel, AsyncInstanceState state)
        : base(channel, state, readable: false)
    {
    }

    /// <summary>
    /// Writes the start of <paramref name="source"/> when the guest next reads, as much as its read
    /// has room for; returns the bytes written, 0 when the guest dropped its end.
    /// </summary>
    public async ValueTask<int> WriteSomeAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        if (source.IsEmpty)
        {
            throw new ArgumentException("A write needs at least one element.", nameof(source));
        }

        var count = await CopyAsync(new ByteHostCopy<byte>(source, Elements(source.Length)), cancellationToken).ConfigureAwait(false);
        return (int)count * Math.Max(ElementSize, 1);
    }

    /// <summary>Writes all of <paramref name="source"/>, over as many guest reads as it takes.</summary>
    /// <exception cref="IOException">The guest dropped its end before reading it all.</exception>
    public async Task WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        while (!source.IsEmpty)
        {
            var written = await WriteSomeAsync(source, cancellationToken).ConfigureAwait(false);
            if (written == 0)
            {
                throw new IOException($"The guest dropped its end of the {TypeName} with {source.Length} bytes left to write.");
            }

            source = source[written..];
        }
    }
}
