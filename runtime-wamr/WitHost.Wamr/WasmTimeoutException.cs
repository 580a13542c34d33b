namespace WitHost.Wamr;

/// <summary>
/// A call into the guest did not finish before its deadline (<see cref="InstanceOptions.CallTimeout"/>
/// or <see cref="WamrInstance.Deadline(TimeSpan, CancellationToken)"/>), so the guest was stopped.
/// </summary>
/// <remarks>
/// Stopping a guest is a trap: the instance is faulted (later calls throw
/// <see cref="WasmInstanceFaultedException"/>) because the guest was cut off at an arbitrary
/// instruction and its state may be half-updated.
/// </remarks>
public sealed class WasmTimeoutException : WasmTrapException
{
    public WasmTimeoutException(string functionName, TimeSpan timeout)
        : base(functionName, timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? "guest interrupted: deadline passed"
            : $"guest interrupted: deadline of {timeout.TotalMilliseconds:0.###} ms passed")
    {
        Timeout = timeout;
    }

    /// <summary>The time the call (or the scope it ran in) was given.</summary>
    public TimeSpan Timeout { get; }
}
