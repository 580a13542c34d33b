namespace WitHost.Wamr.Async;

/// <summary>
/// A set of waitables a task waits on (<c>waitable-set.new</c>). Waiting is a task that completes
/// when a member may have an event: the host's driver awaits it, so a waiting guest holds no thread.
/// </summary>
internal sealed class WaitableSet : AsyncHandle
{
    private TaskCompletionSource? _signal;

    public override string Kind => "waitable set";

    /// <summary>The waitables joined to the set, in joining order (events are taken in that order).</summary>
    public List<Waitable> Members { get; } = [];

    /// <summary>The tasks waiting on the set now (a set with waiters cannot be dropped).</summary>
    public int Waiters { get; set; }

    /// <summary>The first member with a pending event, or null.</summary>
    public Waitable? Ready()
    {
        foreach (var member in Members)
        {
            if (member.HasEvent)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>A task that completes at the next <see cref="Signal"/>. Called under the gate.</summary>
    public Task WhenSignalled()
    {
        _signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _signal.Task;
    }

    /// <summary>Wakes the waiters (they look for an event again). Called under the gate.</summary>
    public void Signal()
    {
        var signal = _signal;
        _signal = null;
        signal?.TrySetResult();
    }
}
