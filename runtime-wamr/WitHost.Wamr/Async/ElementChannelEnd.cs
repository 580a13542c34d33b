namespace WitHost.Wamr.Async;

/// <summary>
/// The host's end of a stream or future that moves C# values of <typeparamref name="T"/>, each
/// lifted or lowered by its <see cref="ChannelElement{T}"/>: what <see cref="WitStream{T}"/> and the
/// futures of generated hosts read and write through.
/// </summary>
internal sealed class ElementChannelEnd<T> : HostChannelEnd
{
    private readonly ChannelElement<T> _element;

    public ElementChannelEnd(AsyncChannel channel, AsyncInstanceState state, bool readable, ChannelElement<T> element)
        : base(channel, state, readable) => _element = element;

    /// <summary>Reads what the guest writes next, up to the buffer's length; 0 when the guest dropped its end.</summary>
    public Task<uint> ReadAsync(Memory<T> buffer, CancellationToken cancellationToken)
        => CopyAsync(
            _element.IsMemoryImage ? new ByteHostCopy<T>(buffer, (uint)buffer.Length) : new ElementHostCopy<T>(_element, buffer),
            cancellationToken);

    /// <summary>Writes the start of <paramref name="source"/> when the guest reads, as much as its read has room for; 0 when it dropped its end.</summary>
    public Task<uint> WriteAsync(ReadOnlyMemory<T> source, CancellationToken cancellationToken)
        => CopyAsync(
            _element.IsMemoryImage ? new ByteHostCopy<T>(source, (uint)source.Length) : new ElementHostCopy<T>(_element, source),
            cancellationToken);
}
