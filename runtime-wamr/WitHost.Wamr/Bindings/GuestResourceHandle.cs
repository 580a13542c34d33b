namespace WitHost.Wamr.Bindings;

/// <summary>
/// The host's handle to one resource the guest implements (an exported resource), behind a
/// generated <see cref="IGuestResource"/> class: the representation the guest gave when it returned
/// an <c>own</c>, the instance it lives in, and whether the host still holds it. Lowering it into a
/// call of the same instance passes the representation (<c>borrow</c>) or hands it back to the
/// guest (<c>own</c>); <see cref="Dispose"/> drops it, running the guest's <c>[dtor]</c> once.
/// </summary>
public sealed class GuestResourceHandle : ILoweringUndo
{
    private readonly RepTable _table;
    private readonly uint _rep;
    private State _state;

    // Borrows of this handle among the arguments being lowered: an own of it among the same
    // arguments would destroy what the borrow lends (the spec's lift_own traps on num_lends).
    private int _lends;

    // The journal entry of a lend, told apart from the guest handles a move makes (never below 1).
    private const int LendEntry = 0;

    // The async calls this handle is lent to as a borrow, from the call until the guest's
    // task.return: the spec keeps a lent handle alive until the callee returns (a drop meanwhile
    // traps in the caller), so Dispose meanwhile only marks it, and the last lend to end drops it.
    private int _taskLends;
    private bool _disposeWhenReturned;

    // Guards the lends and the state against the wrapper's thread and the thread a task ends on,
    // without the instance: a guest blocked in waitable-set.wait owns the instance, and a task
    // ending must not wait for it (only a destructor deferred to that moment enters the instance).
    private readonly object _lendGate = new();

    /// <summary>A live handle to <paramref name="rep"/>, of the resource of <paramref name="table"/> in <paramref name="instance"/>.</summary>
    public GuestResourceHandle(RepTable table, WamrInstance instance, uint rep)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(instance);
        _table = table;
        Instance = instance;
        _rep = rep;
    }

    private enum State
    {
        Live,
        Disposed,
        Moved,
    }

    /// <summary>The instance whose resource this is.</summary>
    public WamrInstance Instance { get; }

    /// <summary>True once disposed (even while an async call it is lent to still runs), or given to the guest as an <c>own</c> argument.</summary>
    public bool IsDisposed => _state != State.Live || _disposeWhenReturned;

    /// <summary>
    /// Checks that the handle can be passed to <paramref name="functionName"/> of
    /// <paramref name="instance"/>: it is live and belongs to that instance.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The handle was disposed or given away.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another instance.</exception>
    public void Check(WamrInstance instance, string functionName)
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(
                _table.ResourceName,
                _state == State.Moved
                    ? $"This {_table.ResourceName} was given to the guest as an own argument; it cannot be passed to {functionName}."
                    : $"This {_table.ResourceName} was disposed; it cannot be passed to {functionName}.");
        }

        if (!ReferenceEquals(instance, Instance))
        {
            // Each instance has its own resource type: a handle of another one would name a
            // representation that means nothing (or something else) here.
            throw new ArgumentException($"This {_table.ResourceName} belongs to another instance than the one {functionName} is called on.");
        }
    }

    /// <summary>
    /// Lowers a <c>borrow</c> into a call of the instance that implements the resource: the
    /// Canonical ABI passes the representation itself, and the host keeps the handle.
    /// </summary>
    public uint Borrow(WamrInstance instance, string functionName)
    {
        Check(instance, functionName);
        return _rep;
    }

    /// <summary>
    /// <see cref="Borrow(WamrInstance, string)"/> for an export call whose arguments also move
    /// handles: until <paramref name="journal"/> commits, this handle cannot also be passed as an <c>own</c>.
    /// </summary>
    public uint Borrow(WamrInstance instance, string functionName, LoweringJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var rep = Borrow(instance, functionName);
        _lends++;
        journal.Record(this, LendEntry);
        return rep;
    }

    /// <summary>
    /// Lowers an <c>own</c>: the handle moves to the guest, which gets a new handle of its own to
    /// the representation (<c>[resource-new]</c> of the instance's table); the host's handle is
    /// spent, so later use throws <see cref="ObjectDisposedException"/> and disposing it does nothing.
    /// </summary>
    public int Move(WamrInstance instance, string functionName)
    {
        Check(instance, functionName);
        if (_lends > 0)
        {
            throw new InvalidOperationException($"This {_table.ResourceName} is passed to {functionName} both as a borrow and as an own argument; the own argument would end what the borrow lends.");
        }

        lock (_lendGate)
        {
            if (_taskLends > 0)
            {
                throw new InvalidOperationException($"This {_table.ResourceName} is lent to an async call that has not returned; passing it to {functionName} as an own argument would end what that borrow lends.");
            }

            _state = State.Moved;
        }

        return _table.New(_rep);
    }

    /// <summary><see cref="Move(WamrInstance, string)"/> for an export call's arguments: <paramref name="journal"/> can take it back.</summary>
    public int Move(WamrInstance instance, string functionName, LoweringJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var handle = Move(instance, functionName);
        journal.Record(this, handle);
        return handle;
    }

    // The guest never saw its new handle: the host holds the resource again.
    void ILoweringUndo.Undo(int handle)
    {
        if (handle == LendEntry)
        {
            _lends--;
            return;
        }

        _table.Forget(handle);
        _state = State.Live;
    }

    void ILoweringUndo.Commit(int handle)
    {
        if (handle == LendEntry)
        {
            _lends--;
        }
    }

    /// <summary>
    /// Lends the handle as a <c>borrow</c> to an async call of <paramref name="instance"/> from now
    /// until <see cref="EndTaskLendWhenDone{T}"/>'s task ends (the guest's <c>task.return</c>, or
    /// the call failing): the Canonical ABI keeps a lent handle alive until the callee returns,
    /// however many steps its task takes. A <see cref="Dispose"/> meanwhile marks the handle
    /// disposed at once, and the guest's destructor runs when the last lend ends.
    /// </summary>
    /// <returns>The representation, which the call's arguments carry.</returns>
    /// <exception cref="ObjectDisposedException">The handle was disposed or given away.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another instance.</exception>
    public uint LendToTask(WamrInstance instance, string functionName)
    {
        lock (_lendGate)
        {
            Check(instance, functionName);
            _taskLends++;
            return _rep;
        }
    }

    /// <summary>
    /// <paramref name="call"/>, ending the lend <see cref="LendToTask"/> made for it when it ends
    /// (the returned task ends after that): the handle was disposed meanwhile, the destructor runs
    /// then, before the returned task completes.
    /// </summary>
    public async Task<T> EndTaskLendWhenDone<T>(Task<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call.ConfigureAwait(false);
        }
        finally
        {
            EndTaskLend();
        }
    }

    /// <summary>Ends a lend of <see cref="LendToTask"/> whose call never started (its start threw).</summary>
    public void EndTaskLend()
    {
        lock (_lendGate)
        {
            if (_taskLends == 0)
            {
                throw new InvalidOperationException($"This {_table.ResourceName} is not lent to an async call.");
            }

            if (--_taskLends > 0 || !_disposeWhenReturned)
            {
                return;
            }

            // Disposed before the mark goes: a check on another thread never sees the handle live.
            _state = State.Disposed;
            Volatile.Write(ref _disposeWhenReturned, false);
        }

        try
        {
            // The destructor's call belongs to the instance, like any other.
            using var scope = Instance.EnterCall();
            DestroyUnlessGone();
        }
        catch (WasmTrapException)
        {
            // The destructor trapped: the instance is faulted, which its next call reports; the
            // call that was lent the handle ended before, with its own answer.
        }
    }

    /// <summary>
    /// Drops the host's handle, once: the host held the last reference, so the guest's destructor
    /// runs on the representation. Nothing runs when the handle was given away, or when the
    /// instance has trapped or been disposed (its memory, and the resource with it, is gone).
    /// While an async call it is lent to runs (<see cref="LendToTask"/>), the handle is disposed
    /// at once for the host, and the destructor runs when that call returns.
    /// </summary>
    public void Dispose()
    {
        // The state and the destructor's call belong to the instance's call, like any other.
        using var scope = Instance.EnterCall();
        lock (_lendGate)
        {
            if (IsDisposed)
            {
                return;
            }

            if (_taskLends > 0)
            {
                _disposeWhenReturned = true;
                return;
            }

            _state = State.Disposed;
        }

        DestroyUnlessGone();
    }

    private void DestroyUnlessGone()
    {
        if (Instance.IsFaulted)
        {
            return;
        }

        try
        {
            _table.Destroy(Instance, _rep);
        }
        catch (ObjectDisposedException)
        {
            // The instance was disposed before the handle: there is no guest left to tell.
        }
    }
}
