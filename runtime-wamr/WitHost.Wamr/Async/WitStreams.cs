namespace WitHost.Wamr.Async;

/// <summary>
/// <c>stream&lt;u8&gt;</c> and .NET's <see cref="Stream"/>: a <see cref="WitStream{T}"/> of bytes
/// made from a readable <see cref="Stream"/> (to pass to a guest), and one read as a
/// <see cref="Stream"/> (what a guest passed or returned).
/// </summary>
public static class WitStreams
{
    /// <summary>
    /// A <c>stream&lt;u8&gt;</c> of the bytes read from <paramref name="source"/>, read only as fast as the
    /// guest reads them; <paramref name="source"/> is disposed with it unless <paramref name="leaveOpen"/>.
    /// </summary>
    public static WitStream<byte> FromStream(Stream source, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(source));
        }

        return new WitStream<byte>(source.ReadAsync, leaveOpen ? null : source);
    }

    /// <summary>
    /// <paramref name="stream"/> as a read-only <see cref="Stream"/>: reads return what the writer
    /// offers (short reads), 0 at the end; disposing it drops <paramref name="stream"/>.
    /// </summary>
    public static Stream AsStream(this WitStream<byte> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new WitReadStream(stream);
    }
}
