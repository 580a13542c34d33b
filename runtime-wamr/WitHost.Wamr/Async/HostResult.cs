namespace WitHost.Wamr.Async;

/// <summary>
/// The value an async import's host task returned, on its way to the guest: written into the
/// guest's memory when the guest learns the subtask returned (<see cref="Write"/>, the
/// <see cref="AsyncResultWriter"/>), or discarded when the guest never will.
/// </summary>
internal sealed class HostResult<T>(T value, Action<WamrInstance, T> lower, Action<T, Exception>? discard) : IUndeliveredResult
{
    private int _taken;

    public void Write(WamrInstance instance)
    {
        Interlocked.Exchange(ref _taken, 1);
        lower(instance, value);
    }

    public void Discard(Exception reason)
    {
        // A write that began moved what it reached into the guest, which ends it with the instance.
        if (Interlocked.Exchange(ref _taken, 1) == 0)
        {
            discard?.Invoke(value, reason);
        }
    }
}
