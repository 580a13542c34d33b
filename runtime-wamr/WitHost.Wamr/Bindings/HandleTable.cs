using WitHost.Wamr.Async;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Bindings;

/// <summary>
/// One instance's handles to host objects of one imported resource type: the i32 indexes the
/// guest holds in place of the objects. Index 0 is never handed out, so a zeroed value is never a
/// live handle. An index the guest gives back that is out of range, freed, of the wrong kind
/// (an own where one is required) or still lending borrows is a trap that faults the instance,
/// as the Canonical ABI asks; it never reaches a wrong object.
/// </summary>
/// <typeparam name="T">The host interface of the resource.</typeparam>
public sealed class HandleTable<T> : ILoweringUndo, ITaskBorrowLender, IDisposable
    where T : class
{
    private readonly string _resourceName;
    private readonly SlotTable<Entry> _slots;
    // Borrows lent to a synchronous export call (the call in progress), and borrows lent to async
    // exports' tasks (each entry names its task): tasks run concurrently, and each must drop only
    // its own before it returns, as the spec counts borrows per task.
    private int _liveBorrows;
    private int _taskBorrows;

    // Own handles the guest lent to async imports (a method's self) that have not returned, with
    // how many times each: the spec's lift_borrow lends an own handle to the subtask until it
    // resolves, and dropping or moving it meanwhile traps. Made at the first lend.
    private Dictionary<int, int>? _lends;

    // Guards the lends: a subtask ends on another thread, which must not wait for the instance
    // (a guest blocked in waitable-set.wait owns it, possibly waiting for that very subtask).
    private readonly object _lendGate = new();

    /// <summary>
    /// An empty table; <paramref name="resourceName"/> names the resource in trap messages. Make one
    /// per instance and resource type. The methods that can trap take the instance to fault, since
    /// generated bindings make the table before the instance exists (its imports need it).
    /// </summary>
    public HandleTable(string resourceName)
        : this(resourceName, HandleLimits.DefaultMaxHandles)
    {
    }

    /// <summary>An empty table that holds at most <paramref name="maxHandles"/> live handles.</summary>
    public HandleTable(string resourceName, int maxHandles)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        _resourceName = resourceName;
        _slots = new SlotTable<Entry>(resourceName, maxHandles);
    }

    /// <summary>
    /// The most live handles the table holds (<see cref="HandleLimits.DefaultMaxHandles"/> unless
    /// given). Adding one more throws <see cref="InvalidOperationException"/>: inside a host import
    /// that is a trap of the guest's call.
    /// </summary>
    public int MaxHandles => _slots.MaxCount;

    /// <summary>The number of live handles, own and borrowed.</summary>
    public int Count => _slots.Count;

    /// <summary>The number of borrow handles the guest has not dropped yet.</summary>
    public int BorrowCount => _liveBorrows + _taskBorrows;

    /// <summary>
    /// Lowers an <c>own</c>: the guest now owns <paramref name="value"/> and drops it with
    /// <c>[resource-drop]</c>, which disposes it when it is <see cref="IDisposable"/>.
    /// </summary>
    public int AddOwn(T value) => _slots.Add(new Entry(ArgumentNullExceptionChecked(value), Own: true, Task: null));

    /// <summary>
    /// Lowers a <c>borrow</c> into an export call: the guest may use the handle during the call and
    /// must drop it before returning (<see cref="CheckBorrowsDropped"/> checks that).
    /// </summary>
    public int AddBorrow(T value)
    {
        var handle = _slots.Add(new Entry(ArgumentNullExceptionChecked(value), Own: false, Task: null));
        _liveBorrows++;
        return handle;
    }

    /// <summary><see cref="AddOwn(T)"/> for an export call's arguments: <paramref name="journal"/> can take it back.</summary>
    public int AddOwn(T value, LoweringJournal journal) => Journaled(AddOwn(value), journal);

    /// <summary><see cref="AddBorrow(T)"/> for an export call's arguments: <paramref name="journal"/> can take it back.</summary>
    public int AddBorrow(T value, LoweringJournal journal) => Journaled(AddBorrow(value), journal);

    /// <summary>Lifts a <c>borrow</c> the guest passes to the host: any live handle, own or borrowed.</summary>
    public T Get(WamrInstance instance, int handle, string functionName) => Live(instance, handle, functionName).Value;

    /// <summary>
    /// Lifts a <c>borrow</c> the guest passes to an async import (<c>[async-lower]</c>): as
    /// <see cref="Get"/>, and an own handle is lent to the guest's subtask until
    /// <see cref="EndLendWhenDone"/>'s task ends, so the guest cannot drop or move it while the
    /// host's implementation uses the object.
    /// </summary>
    public T Lend(WamrInstance instance, int handle, string functionName)
    {
        var entry = Live(instance, handle, functionName);
        if (entry.Own)
        {
            lock (_lendGate)
            {
                _lends ??= new Dictionary<int, int>();
                _lends[handle] = _lends.TryGetValue(handle, out var count) ? count + 1 : 1;
            }
        }

        return entry.Value;
    }

    /// <summary>
    /// <paramref name="subtask"/>, the task an async import serves the guest with, ending the lend
    /// <see cref="Lend"/> made of <paramref name="handle"/> when the host's task ends (just before
    /// the guest can learn so: the spec ends it when the subtask resolves).
    /// </summary>
    public async Task<AsyncResultWriter?> EndLendWhenDone(int handle, Task<AsyncResultWriter?> subtask)
    {
        ArgumentNullException.ThrowIfNull(subtask);
        try
        {
            return await subtask.ConfigureAwait(false);
        }
        finally
        {
            EndLend(handle);
        }
    }

    private void EndLend(int handle)
    {
        lock (_lendGate)
        {
            if (_lends is not null && _lends.TryGetValue(handle, out var count))
            {
                if (count == 1)
                {
                    _lends.Remove(handle);
                }
                else
                {
                    _lends[handle] = count - 1;
                }
            }
        }
    }

    /// <summary>
    /// Lifts an <c>own</c> the guest gives to the host: the handle must be an own handle that lends
    /// nothing, and it leaves the table (the host now owns the object).
    /// </summary>
    public T Take(WamrInstance instance, int handle, string functionName)
    {
        var entry = Live(instance, handle, functionName);
        if (!entry.Own)
        {
            throw Trap(instance, functionName, $"{_resourceName} handle {handle} is borrowed, but an own handle was expected");
        }

        CheckNotLent(instance, handle, functionName);

        _slots.Remove(handle);
        return entry.Value;
    }

    /// <summary>
    /// <c>[resource-drop]</c>: removes the handle. Dropping an own handle ends the object's life
    /// in the guest, so it is disposed when it is <see cref="IDisposable"/>; dropping a borrow
    /// only ends the loan.
    /// </summary>
    public void Drop(WamrInstance instance, int handle, string functionName)
    {
        var entry = Live(instance, handle, functionName);
        CheckNotLent(instance, handle, functionName);
        _slots.Remove(handle);
        if (entry.Own)
        {
            OwnedResources.Release(entry.Value);
        }
        else
        {
            ForgetBorrow(entry);
        }
    }

    /// <summary>
    /// The instance is gone, and with it the guest's handles: disposes each object the guest still
    /// owned (own handles; once, when it implements <see cref="IDisposable"/>), as dropping the
    /// handle would have, and empties the table. Borrowed objects were only lent and are left alone.
    /// </summary>
    /// <exception cref="AggregateException">Objects threw from <c>Dispose</c>; every one was disposed.</exception>
    public void Dispose()
    {
        var owned = new HashSet<IDisposable>(ReferenceEqualityComparer.Instance);
        foreach (var entry in _slots.LiveValues())
        {
            if (entry is { Own: true, Value: IDisposable disposable })
            {
                owned.Add(disposable);
            }
        }

        _slots.Clear();
        _liveBorrows = 0;
        _taskBorrows = 0;
        lock (_lendGate)
        {
            _lends = null;
        }
        HostObjects.DisposeAll(owned, $"{_resourceName} objects the guest owned threw while being disposed.");
    }

    /// <summary>
    /// After an export call returns: every borrow lent to the guest for the call must have been
    /// dropped; one left over is a trap.
    /// </summary>
    public void CheckBorrowsDropped(WamrInstance instance, string functionName)
    {
        if (_liveBorrows != 0)
        {
            throw Trap(instance, functionName, $"{_liveBorrows} borrowed {_resourceName} handle(s) were not dropped before the call returned");
        }
    }

    /// <summary>
    /// The export call the table's borrows were lent to ended without returning: the guest exited
    /// (<see cref="WasmExitException"/>), which ends its task and the task's borrows, as the
    /// spec's task end does. Each borrow handle leaves the table as dropping it would (the lent
    /// objects are the caller's and are left alone), so the instance's next call starts with none.
    /// </summary>
    /// <remarks>Borrows lent to async exports' tasks that have not ended are theirs and stay.</remarks>
    public void EndBorrows()
    {
        _liveBorrows -= _slots.RemoveAll(s_isBorrowOf, null);
    }

    /// <summary>
    /// After an async export's arguments are lowered, as its task starts (owning
    /// <paramref name="instance"/>): the borrows the lowering added are lent to that task. The
    /// task must drop them before it resolves (<c>task.return</c> and <c>task.cancel</c> trap
    /// otherwise) and loses them when it ends without resolving (a trap, an exit). Other tasks'
    /// borrows do not count for it.
    /// </summary>
    /// <exception cref="InvalidOperationException">No async export's task runs in <paramref name="instance"/> now.</exception>
    public void LendBorrowsToTask(WamrInstance instance)
    {
        var task = CurrentTask(instance);
        // Owning the instance, no synchronous call is in progress: the borrows no task has yet are
        // the lowering's, and when there are none (a null or lent-elsewhere argument) nothing is scanned.
        if (_liveBorrows == 0)
        {
            return;
        }

        var lent = _slots.ReplaceWhere(s_isBorrowOf, null, static (entry, task) => entry with { Task = task }, task);
        _liveBorrows -= lent;
        _taskBorrows += lent;
        task.LendBorrows(this, lent);
    }

    string ITaskBorrowLender.ResourceName => _resourceName;

    int ITaskBorrowLender.CountBorrowsOf(GuestTask task) => _slots.CountWhere(s_isBorrowOf, task);

    void ITaskBorrowLender.EndBorrowsOf(GuestTask task)
    {
        _taskBorrows -= _slots.RemoveAll(s_isBorrowOf, task);
    }

    // Whether the entry is a borrow lent to the task (null: to the synchronous call in progress).
    // Static, with the task as the scan's state, so that a scan allocates nothing.
    private static readonly Func<Entry, GuestTask?, bool> s_isBorrowOf = static (entry, task) => entry is { Own: false } && entry.Task == task;

    // The guest never saw the handle: the object goes back to the caller as it was.
    void ILoweringUndo.Undo(int handle)
    {
        var entry = _slots.Remove(handle);
        if (!entry.Own)
        {
            ForgetBorrow(entry);
        }
    }

    // A borrow left the table: it no longer counts for its call or task.
    private void ForgetBorrow(Entry entry)
    {
        if (entry.Task is null)
        {
            _liveBorrows--;
        }
        else
        {
            _taskBorrows--;
            entry.Task.BorrowDropped();
        }
    }

    private static GuestTask CurrentTask(WamrInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.AsyncState.Current ?? throw new InvalidOperationException("No async export's task is running in the instance.");
    }

    void ILoweringUndo.Commit(int handle)
    {
    }

    private int Journaled(int handle, LoweringJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        journal.Record(this, handle);
        return handle;
    }

    private void CheckNotLent(WamrInstance instance, int handle, string functionName)
    {
        bool lent;
        lock (_lendGate)
        {
            lent = _lends is not null && _lends.ContainsKey(handle);
        }

        if (lent)
        {
            throw Trap(instance, functionName, $"{_resourceName} handle {handle} is lent to an async call that has not returned");
        }
    }

    private Entry Live(WamrInstance instance, int handle, string functionName)
    {
        if (!_slots.TryGet(handle, out Entry entry))
        {
            throw Trap(instance, functionName, $"{handle} is not a live {_resourceName} handle");
        }

        return entry;
    }

    private static WasmTrapException Trap(WamrInstance instance, string functionName, string message)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Fault(functionName, message, null);
    }

    private static T ArgumentNullExceptionChecked(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }

    // A struct: a handle costs its slot and no object of its own. Task: the async export's task a
    // borrow is lent to; null for owns and for a synchronous call's borrows.
    private readonly record struct Entry(T Value, bool Own, GuestTask? Task);
}
