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
        try
        {
            lower(instance, value);
        }
        catch (Exception exception) when (discard is not null && exception is not OutOfMemoryException)
        {
            // The write stopped part-way (a null deep inside, a handle table full), which traps the
            // guest: what it had handed over is the guest's and ends with the instance (the streams
            // and futures it passed; the handles it added the generated lowering took back), and
            // the rest is discarded, so nothing is left with nobody to end it.
            discard(value, exception);
            throw;
        }
    }

    public void Discard(Exception reason)
    {
        // A write that began moved what it reached into the guest, and discards the rest itself.
        if (Interlocked.Exchange(ref _taken, 1) == 0)
        {
            discard?.Invoke(value, reason);
        }
    }
}
