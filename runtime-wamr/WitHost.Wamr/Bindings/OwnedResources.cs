namespace WitHost.Wamr.Bindings;

/// <summary>
/// The end of a host object's life in a guest that owns it (an own handle of an imported
/// resource): the object is disposed when it is <see cref="IDisposable"/>. Dropping the handle
/// ends it so, and so does an async import's result the guest never takes (its instance trapped or
/// was disposed first), whose own handles never reached the guest's table.
/// </summary>
public static class OwnedResources
{
    /// <summary>Ends the guest's ownership of <paramref name="value"/>: disposes it when it is <see cref="IDisposable"/>.</summary>
    public static void Release(object? value) => (value as IDisposable)?.Dispose();
}
