namespace WitHost.Wamr.Hosting;

/// <summary>Disposing the host objects an instance or a handle table held when it goes.</summary>
internal static class HostObjects
{
    /// <summary>
    /// Disposes every one of <paramref name="objects"/>, also when some throw: one object's failure
    /// must not leak the rest. The failures are thrown together afterwards.
    /// </summary>
    /// <exception cref="AggregateException">Objects threw from <c>Dispose</c>, with <paramref name="failureMessage"/>; every one was disposed.</exception>
    public static void DisposeAll(IEnumerable<IDisposable> objects, string failureMessage)
    {
        List<Exception>? failures = null;
        foreach (var disposable in objects)
        {
            try
            {
                disposable.Dispose();
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException(failureMessage, failures);
        }
    }
}
