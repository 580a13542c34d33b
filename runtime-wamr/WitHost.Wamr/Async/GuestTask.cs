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

    /// <summary>The set the task waits on now, to wake when it is cancelled.</summary>
    public WaitableSet? WaitingOn { get; set; }

    // Borrow handles of host resources lent to the task that the guest has not dropped, over all
    // its lenders: zero makes the check at task.return and task.cancel one comparison. Changed
    // only by whoever owns the instance (the lowering, the guest's drops, the task's steps).
    private int _borrowCount;

    // The tables that lent the task borrows; null while none has.
    private List<ITaskBorrowLender>? _lenders;

    /// <summary>The borrow handles lent to the task that the guest has not dropped yet.</summary>
    public int BorrowCount => _borrowCount;

    /// <summary><paramref name="lender"/> lent the task <paramref name="count"/> more borrows (as its task starts).</summary>
    public void LendBorrows(ITaskBorrowLender lender, int count)
    {
        _lenders ??= [];
        if (!_lenders.Contains(lender))
        {
            _lenders.Add(lender);
        }

        _borrowCount += count;
    }

    /// <summary>The guest dropped one of the borrows lent to the task.</summary>
    public void BorrowDropped() => _borrowCount--;

    /// <summary>
    /// The Canonical ABI's rule for <c>task.return</c> and <c>task.cancel</c>
    /// (<paramref name="builtin"/>, the import called): a task resolves only after the guest
    /// dropped every borrow lent to it; one left over is a trap, which names the first lender
    /// that still has some and how many. <paramref name="resolution"/> says how the task would
    /// have ended ("returned", "was cancelled").
    /// </summary>
    public void CheckBorrowsDropped(string builtin, string resolution)
    {
        if (_borrowCount == 0)
        {
            return;
        }

        foreach (var lender in _lenders!)
        {
            var left = lender.CountBorrowsOf(this);
            if (left != 0)
            {
                throw AsyncTrap.In(builtin, $"{left} borrowed {lender.ResourceName} handle(s) were not dropped before the task of '{ExportName}' {resolution}");
            }
        }
    }

    /// <summary>
    /// The task ended without resolving (the guest trapped or exited in one of its steps): its
    /// borrows end with it, as the spec's task end does, so they count for no resource afterwards.
    /// Run by the step that ended it, which still owns the instance.
    /// </summary>
    public void EndBorrows()
    {
        if (_lenders is null)
        {
            return;
        }

        foreach (var lender in _lenders)
        {
            lender.EndBorrowsOf(this);
        }

        _lenders = null;
        _borrowCount = 0;
    }

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
