namespace WitHost.Wamr.Execution;

/// <summary>
/// Thrown by a built-in that blocks the guest's thread when the running call's deadline passes or
/// its token is cancelled meanwhile: the call reports it as it reports guest code stopped from
/// outside (<see cref="WasmTimeoutException"/>, <see cref="OperationCanceledException"/>), not as
/// a host function's failure.
/// </summary>
internal sealed class CallLimitReachedException(InterruptReason reason)
    : Exception($"The call's {(reason == InterruptReason.Deadline ? "deadline passed" : "token was cancelled")} while its guest waited.")
{
    public InterruptReason Reason { get; } = reason;
}
