namespace WitHost.Wamr.Async;

/// <summary>
/// A host copy of elements whose bytes in linear memory are their value (numbers, <c>bool</c>,
/// <c>char</c>): the bytes move as one block into <see cref="TargetBytes"/> (a read) or from
/// <see cref="SourceBytes"/> (a write), with no work per element.
/// </summary>
internal abstract class ByteHostCopy(uint count) : HostCopy(count)
{
    /// <summary>The read's buffer, as bytes.</summary>
    protected abstract Span<byte> TargetBytes { get; }

    /// <summary>The write's elements, as bytes.</summary>
    protected abstract ReadOnlySpan<byte> SourceBytes { get; }

    public override void FromGuest(AsyncChannel channel, uint pointer, uint count)
    {
        var bytes = count * channel.ElementSize;
        if (bytes > 0)
        {
            channel.Instance.Memory.Slice(pointer, bytes).CopyTo(TargetBytes[(int)(Done * channel.ElementSize)..]);
        }
    }

    public override void ToGuest(AsyncChannel channel, uint pointer, uint count)
    {
        var bytes = count * channel.ElementSize;
        if (bytes > 0)
        {
            SourceBytes.Slice((int)(Done * channel.ElementSize), (int)bytes).CopyTo(channel.Instance.Memory.Slice(pointer, bytes));
        }
    }

    public override void ToHost(AsyncChannel channel, HostCopy reader, uint count)
    {
        var size = (int)channel.ElementSize;
        SourceBytes.Slice((int)Done * size, (int)count * size).CopyTo(((ByteHostCopy)reader).TargetBytes[((int)reader.Done * size)..]);
    }
}
