namespace WitHost.Wamr.Async;

/// <summary>
/// A call the guest made through an <c>[async-lower]</c> import that did not return at once: the
/// host's task runs on, and the guest is told (a <see cref="EventCode.Subtask"/> event) when it
/// returns or is cancelled.
/// </summary>
internal sealed class Subtask : Waitable
{
    private readonly Task<AsyncResultWriter?> _work;
    private readonly CancellationTokenSource _cancellation;
    private readonly string _function;

    public Subtask(string function, Task<AsyncResultWriter?> work, CancellationTokenSource cancellation)
    {
        _function = function;
        _work = work;
        _cancellation = cancellation;
    }

    public override string Kind => "subtask";

    public SubtaskState State { get; private set; } = SubtaskState.Started;

    /// <summary>Whether the guest was told the subtask returned or was cancelled.</summary>
    public bool ResolveDelivered { get; private set; }

    /// <summary>Whether the guest asked to cancel it.</summary>
    public bool CancelRequested { get; private set; }

    public bool IsFinished => _work.IsCompleted;

    public override bool HasEvent => _work.IsCompleted && !ResolveDelivered;

    /// <summary>The host's task, to wait for (it never throws from here).</summary>
    public Task Work => _work;

    /// <summary><c>subtask.cancel</c>: asks the host's task to stop.</summary>
    public void RequestCancel()
    {
        CancelRequested = true;
        _cancellation.Cancel();
    }

    /// <summary>
    /// The instance is gone (<paramref name="reason"/>: its trap, or its disposal): the host's task
    /// is asked to stop, and a result it returns anyway is discarded, as the guest will never take it.
    /// </summary>
    public void Abandon(Exception reason)
    {
        if (ResolveDelivered)
        {
            return;
        }

        try
        {
            _cancellation.Cancel();
        }
        catch (AggregateException)
        {
            // A callback the host registered on the token threw; the instance is going anyway.
        }

        _work.ContinueWith(
            static (work, why) => Discard(work, (Exception)why!),
            reason,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    // The writer of a generated host's result (AsyncHostImports.WhenDone) is bound to the result,
    // which can end what it holds for the guest (its streams); other writers hold nothing to end.
    private static void Discard(Task<AsyncResultWriter?> work, Exception reason)
    {
        if (work.IsCompletedSuccessfully && work.Result?.Target is IUndeliveredResult result)
        {
            try
            {
                result.Discard(reason);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Ending what the result held failed, with nobody left to tell: the guest is gone.
            }
        }
    }

    public override AsyncEvent TakeEvent(WamrInstance instance)
    {
        if (_work.IsFaulted)
        {
            var error = _work.Exception!.InnerExceptions.Count == 1 ? _work.Exception.InnerException! : _work.Exception;
            throw instance.Fault(_function, $"the host's async implementation of '{_function}' failed: {error.GetType().Name}: {error.Message}", error);
        }

        if (_work.IsCanceled)
        {
            if (!CancelRequested)
            {
                throw instance.Fault(_function, $"the host's async implementation of '{_function}' was cancelled, but the guest did not cancel it", null);
            }

            State = SubtaskState.CancelledBeforeReturned;
        }
        else
        {
            _work.Result?.Invoke(instance);
            State = SubtaskState.Returned;
        }

        ResolveDelivered = true;
        _cancellation.Dispose();
        return new AsyncEvent(EventCode.Subtask, Handle, (uint)State);
    }
}
