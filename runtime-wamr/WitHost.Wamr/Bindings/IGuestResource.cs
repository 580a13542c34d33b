namespace WitHost;

/// <summary>
/// A handle to a resource the guest implements itself (a resource its world exports), such as the
/// generated class of <c>resource counter</c>. It belongs to the instance that made it and is only
/// valid there. <see cref="IDisposable.Dispose"/> drops the handle once (the guest's destructor runs
/// on the resource), and any call through the handle after that throws
/// <see cref="ObjectDisposedException"/>, as does one after the handle was given to the guest as an
/// <c>own</c> argument.
/// </summary>
public interface IGuestResource : IDisposable
{
    /// <summary>
    /// Whether the handle is spent: disposed, given to the guest as an <c>own</c> argument, or left
    /// without its instance. Reading it is always allowed.
    /// </summary>
    bool IsDisposed { get; }
}
