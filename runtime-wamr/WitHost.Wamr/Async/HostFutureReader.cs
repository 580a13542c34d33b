namespace WitHost.Wamr.Async;

/// <summary>The host's readable end of a future the guest writes.</summary>
public sealed class HostFutureReader : HostChannelEnd
{
    internal HostFutureReader(AsyncChannel channel, AsyncInstanceState state)
        : base(channel, state, readable: true)
    {
    }

    /// <summary>Waits for the value and copies it into <paramref name="value"/> (one element); false when the guest dropped its end without writing.</summary>
    public async ValueTask<bool> ReadAsync(Memory<byte> value, CancellationToken cancellationToken = default)
    {
        if (value.Length != ElementSize)
        {
            throw new ArgumentException($"The value of a {TypeName} takes {ElementSize} bytes.", nameof(value));
        }

        return await CopyAsync(new ByteHostCopy<byte>(value, 1), cancellationToken).ConfigureAwait(false) == 1;
    }
}
