using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Wamr.Async;

/// <summary>
/// A host copy of C# values: each element is lifted from, or lowered into, the guest's memory by the
/// element's Canonical ABI load or store (<see cref="ChannelElement{T}"/>), so elements with strings,
/// lists or handles move as they would as parameters.
/// </summary>
internal sealed class ElementHostCopy<T> : HostCopy
{
    private readonly ChannelElement<T> _element;

    public ElementHostCopy(ChannelElement<T> element, Memory<T> target)
        : base((uint)target.Length)
    {
        _element = element;
        Target = target;
    }

    public ElementHostCopy(ChannelElement<T> element, ReadOnlyMemory<T> source)
        : base((uint)source.Length)
    {
        _element = element;
        Source = source;
    }

    public Memory<T> Target { get; }

    public ReadOnlyMemory<T> Source { get; }

    public override void FromGuest(AsyncChannel channel, uint pointer, uint count)
    {
        var context = Context(channel);
        for (uint i = 0; i < count; i++)
        {
            Target.Span[(int)(Done + i)] = _element.Load(context, pointer + (i * _element.Size));
        }
    }

    public override void ToGuest(AsyncChannel channel, uint pointer, uint count)
    {
        var context = Context(channel);
        for (uint i = 0; i < count; i++)
        {
            // A store may allocate (cabi_realloc), which may move the guest's memory.
            context.Refresh();
            _element.Store(context, Source.Span[(int)(Done + i)], pointer + (i * _element.Size));
        }
    }

    public override void ToHost(AsyncChannel channel, HostCopy reader, uint count)
        => Source.Slice((int)Done, (int)count).CopyTo(((ElementHostCopy<T>)reader).Target[(int)reader.Done..]);

    // A context of its own: the copy may run inside another call's marshalling, whose context it must not reset.
    private CanonicalAbiContext Context(AsyncChannel channel)
        => new(new WamrCanonicalMemory(channel.Instance), _element.Encoding, channel.TypeName, channel.Instance.MaxLiftBytes);
}
