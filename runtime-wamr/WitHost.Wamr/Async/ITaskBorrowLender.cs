namespace WitHost.Wamr.Async;

/// <summary>
/// A table that lent borrow handles to an async export's task (<see cref="Bindings.HandleTable{T}"/>):
/// the task asks it, when it resolves, how many it still holds, and has it end them when the task
/// ends without resolving (the guest trapped or exited).
/// </summary>
internal interface ITaskBorrowLender
{
    /// <summary>The resource the borrows are of, as trap messages name it.</summary>
    string ResourceName { get; }

    /// <summary>How many of the borrows lent to <paramref name="task"/> the guest has not dropped.</summary>
    int CountBorrowsOf(GuestTask task);

    /// <summary>Takes the borrows lent to <paramref name="task"/> out of the table, as dropping them would.</summary>
    void EndBorrowsOf(GuestTask task);
}
