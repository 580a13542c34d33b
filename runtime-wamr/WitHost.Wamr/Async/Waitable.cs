namespace WitHost.Wamr.Async;

/// <summary>
/// A handle a task can wait on: a subtask, or a stream or future end. It belongs to at most one
/// waitable set at a time, and has an event pending when something happened to it that the guest
/// has not been told yet.
/// </summary>
/// <remarks>
/// All state is read and changed under <see cref="AsyncInstanceState.Gate"/>. Host threads (a host
/// task finishing, a host reader reading) only mark progress and wake the set; what touches guest
/// memory (lowering results, copying stream elements) waits for <see cref="TakeEvent"/>, which runs on
/// the thread that owns the instance, as the guest's memory may only change while the guest is not running.
/// </remarks>
internal abstract class Waitable : AsyncHandle
{
    /// <summary>The set the guest joined this waitable to, if any.</summary>
    public WaitableSet? Set { get; private set; }

    /// <summary>Whether an event is ready to be taken.</summary>
    public abstract bool HasEvent { get; }

    /// <summary>Takes the pending event, doing the memory work it stands for.</summary>
    /// <param name="instance">The instance, owned by the calling thread.</param>
    public abstract AsyncEvent TakeEvent(WamrInstance instance);

    /// <summary>Moves the waitable into <paramref name="set"/> (or out of any set when null).</summary>
    public void Join(WaitableSet? set)
    {
        Set?.Members.Remove(this);
        Set = set;
        if (set is not null)
        {
            set.Members.Add(this);
            if (HasEvent)
            {
                set.Signal();
            }
        }
    }

    private TaskCompletionSource? _progress;

    /// <summary>Something happened: wakes whoever waits on the set or on this waitable. Called under the gate.</summary>
    public void Progress()
    {
        Set?.Signal();
        var progress = _progress;
        _progress = null;
        progress?.TrySetResult();
    }

    /// <summary>A task that completes at the next <see cref="Progress"/> (a guest blocked on this one waitable). Called under the gate.</summary>
    public Task WhenProgress()
    {
        _progress ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _progress.Task;
    }
}
