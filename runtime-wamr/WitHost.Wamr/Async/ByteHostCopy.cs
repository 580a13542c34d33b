namespace WitHost.Wamr.Async;

/// <summary>
/// A host copy of elements as their bytes in linear memory (numbers, <c>bool</c>, <c>char</c>):
/// into <see cref="Target"/> (a read) or from <see cref="Source"/> (a write).
/// </summary>
internal sealed class ByteHostCopy : HostCopy
{
    public ByteHostCopy(Memory<byte> target, uint count)
        : base(count) => Target = target;

    public ByteHostCopy(ReadOnlyMemory<byte> source, uint count)
        : base(count) => Source = source;

    public Memory<byte> Target { get; }

    public ReadOnlyMemory<byte> Source { get; }

    public override void FromGuest(AsyncChannel channel, uint pointer, uint count)
    {
        var bytes = count * channel.ElementSize;
        if (bytes > 0)
        {
            channel.Instance.Memory.Slice(pointer, bytes).CopyTo(Target.Span[(int)(Done * channel.ElementSize)..]);
        }
    }

    public override void ToGuest(AsyncChannel channel, uint pointer, uint count)
    {
        var bytes = count * channel.ElementSize;
        if (bytes > 0)
        {
            Source.Span.Slice((int)(Done * channel.ElementSize), (int)bytes).CopyTo(channel.Instance.Memory.Slice(pointer, bytes));
        }
    }

    public override void ToHost(AsyncChannel channel, HostCopy reader, uint count)
    {
        var size = (int)channel.ElementSize;
        Source.Span.Slice((int)Done * size, (int)count * size).CopyTo(((ByteHostCopy)reader).Target.Span[((int)reader.Done * size)..]);
    }
}
