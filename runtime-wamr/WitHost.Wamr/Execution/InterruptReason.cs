namespace WitHost.Wamr.Execution;

/// <summary>Why a running guest was stopped from outside.</summary>
internal enum InterruptReason
{
    None,

    /// <summary>The call's deadline passed.</summary>
    Deadline,

    /// <summary>The call's <see cref="CancellationToken"/> was cancelled.</summary>
    Cancelled,

    /// <summary>The instance was disposed from another thread while the guest ran.</summary>
    Disposed,
}
