namespace WitHost.Wamr.Async;

/// <summary>
/// A future's element as the host's write of one value uses it, telling whether that value's store
/// into the guest began: a value the guest never got is discarded (<see cref="ChannelElement{T}.Discard"/>),
/// one whose store began is partly the guest's, which ends it with its instance.
/// </summary>
internal sealed class StoreWatch<T>
{
    private readonly Action<T, Exception> _discard;
    private volatile bool _began;

    public StoreWatch(ChannelElement<T> element)
    {
        _discard = element.Discard ?? throw new ArgumentException("The element has nothing to discard.", nameof(element));
        var store = element.Store;
        Element = new ChannelElement<T>(element.Name, element.Structure, element.Encoding, element.Size, element.Alignment, element.Load, (context, value, address) =>
        {
            _began = true;
            store(context, value, address);
        });
    }

    /// <summary>The element, its store noting that it began.</summary>
    public ChannelElement<T> Element { get; }

    /// <summary>Whether the value's store into the guest began.</summary>
    public bool Began => _began;

    /// <summary>Ends what <paramref name="value"/> holds for the guest, with <paramref name="reason"/>.</summary>
    public void Discard(T value, Exception reason) => _discard(value, reason);
}
