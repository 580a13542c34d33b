namespace WitHost.Wamr.Bindings;

/// <summary>
/// What lowering the arguments of one export call changed in an instance's handle tables, so a
/// failure half-way (a null inside a record, a lone surrogate in a string, a disposed handle) can
/// undo it before the guest ever runs: handles added to a <see cref="HandleTable{T}"/> are removed
/// (an own object goes back to the caller, undisposed; a borrow no longer counts), and a
/// <see cref="GuestResourceHandle"/> moved to the guest is the host's again. One journal per
/// instance; calls nest, so each call works from its own <see cref="Mark"/>.
/// </summary>
public sealed class LoweringJournal
{
    private readonly List<(ILoweringUndo Target, int Handle)> _entries = [];

    /// <summary>Where the current call's changes start.</summary>
    public int Mark => _entries.Count;

    /// <summary>The call's arguments are lowered: its changes stand (loans made only for lowering end).</summary>
    public void Commit(int mark)
    {
        for (var i = _entries.Count - 1; i >= mark; i--)
        {
            _entries[i].Target.Commit(_entries[i].Handle);
        }

        _entries.RemoveRange(mark, _entries.Count - mark);
    }

    /// <summary>Lowering failed: undoes the call's changes, the last first.</summary>
    public void Undo(int mark)
    {
        for (var i = _entries.Count - 1; i >= mark; i--)
        {
            _entries[i].Target.Undo(_entries[i].Handle);
        }

        _entries.RemoveRange(mark, _entries.Count - mark);
    }

    internal void Record(ILoweringUndo target, int handle) => _entries.Add((target, handle));
}

/// <summary>Something whose handle a <see cref="LoweringJournal"/> can take back.</summary>
internal interface ILoweringUndo
{
    /// <summary>Lowering failed: take back what recorded <paramref name="handle"/>.</summary>
    void Undo(int handle);

    /// <summary>Lowering succeeded: end what lasts only while the arguments are lowered.</summary>
    void Commit(int handle);
}
