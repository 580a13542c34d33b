namespace WitHost.Wamr.Bindings;

/// <summary>
/// The handles of guest resources an async export call lends as borrows nested in its arguments
/// (in a list, a record, an option…). The Canonical ABI's <c>lift_borrow</c> lends every borrow
/// until the callee returns, however many steps its task takes, so each handle stays lent
/// (<see cref="GuestResourceHandle.LendToTask"/>) from when the arguments are lowered until the
/// guest's task ends: a <see cref="GuestResourceHandle.Dispose"/> meanwhile runs the guest's
/// destructor only then. A top-level borrow (a method's <c>self</c>) is lent by the generated
/// wrapper itself, before the call.
/// </summary>
public sealed class TaskLends
{
    private readonly List<GuestResourceHandle> _handles = new();

    /// <summary>
    /// Lends <paramref name="handle"/> to the task of the call of <paramref name="functionName"/>
    /// on <paramref name="instance"/> until <see cref="EndWhenDone{T}"/>'s task (or <see cref="End"/>).
    /// </summary>
    /// <returns>The representation, which the lowered arguments carry.</returns>
    /// <exception cref="ObjectDisposedException">The handle was disposed or given away.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another instance.</exception>
    public uint Lend(GuestResourceHandle handle, WamrInstance instance, string functionName)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var rep = handle.LendToTask(instance, functionName);
        lock (_handles)
        {
            _handles.Add(handle);
        }

        return rep;
    }

    /// <summary><paramref name="call"/>, ending every lend when it ends (the returned task ends after that).</summary>
    public async Task<T> EndWhenDone<T>(Task<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call.ConfigureAwait(false);
        }
        finally
        {
            End();
        }
    }

    /// <summary>Ends every lend made so far: the task ended, or never started (its start threw).</summary>
    public void End()
    {
        GuestResourceHandle[] handles;
        lock (_handles)
        {
            handles = _handles.ToArray();
            _handles.Clear();
        }

        foreach (var handle in handles)
        {
            handle.EndTaskLend();
        }
    }
}
