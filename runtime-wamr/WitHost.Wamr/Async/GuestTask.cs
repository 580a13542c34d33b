using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Async;

/// <summary>
/// One call of an async export: the task the guest runs for it, which ends by <c>task.return</c>
/// (its results) or <c>task.cancel</c>, and keeps a context slot of its own.
/// </summary>
internal abstract class GuestTask
{
    protected GuestTask(string exportName, string returnModule, string returnName)
    {
        ExportName = exportName;
        ReturnModule = returnModule;
        ReturnName = returnName;
    }

    /// <summary>The core export the task runs (without the <c>[async-lift]</c> prefix).</summary>
    public string ExportName { get; }

    /// <summary>The <c>task.return</c> import this task's function uses: module and name.</summary>
    public string ReturnModule { get; }

    public string ReturnName { get; }

    /// <summary>Whether the task returned or was cancelled.</summary>
    public bool Resolved { get; private set; }

    /// <summary>Context slot 0 (<c>context.get</c>/<c>context.set</c>).</summary>
    public uint Context0 { get; set; }

    /// <summary>The caller cancelled; the guest is told at its next wait or yield.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The guest was told (a <see cref="EventCode.TaskCancelled"/> event).</summary>
    public bool CancelDelivered { get; set; }

    /// <summary>
    /// Run when the guest exits in one of the task's steps, while that step still owns the
    /// instance: ends what the caller lent to the task (its borrows). Null when nothing was lent.
    /// </summary>
    public Action<WamrInstance>? OnExit { get; init; }

    /// <summary>The set the task waits on now, to wake when it is cancelled.</summary>
    public WaitableSet? WaitingOn { get; set; }

    /// <summary><c>task.return</c>: reads the results and completes the caller's task.</summary>
    public void Return(HostCallContext call)
    {
        Resolved = true;
        Complete(call);
    }

    /// <summary><c>task.cancel</c>: the caller's task ends cancelled.</summary>
    public void Cancel()
    {
        Resolved = true;
        CompleteCancelled();
    }

    /// <summary>The task failed (a trap, or the instance went away) before it resolved.</summary>
    public void Fail(Exception error)
    {
        Resolved = true;
        CompleteFailed(error);
    }

    protected abstract void Complete(HostCallContext call);

    protected abstract void CompleteCancelled();

    protected abstract void CompleteFailed(Exception error);
}
