namespace WitHost.Wamr.Async;

/// <summary>The host's writable end of a future the guest reads.</summary>
public sealed class HostFutureWriter : HostChannelEnd
{
    internal HostFutureWriter(AsyncChannel channel, AsyncInstanceState state)
        : base(channel, state, readable: false)
    {
    }

    /// <summary>Gives the guest <paramref name="value"/> (one element) when it reads; false when it dropped its end first.</summary>
    public async ValueTask<bool> WriteAsync(ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        if (value.Length != ElementSize)
        {
            throw new ArgumentException($"The value of a {TypeName} takes {ElementSize} bytes.", nameof(value));
        }

        return await CopyAsync(new ByteHostCopy<byte>(value, 1), cancellationToken).ConfigureAwait(false) == 1;
    }
}
