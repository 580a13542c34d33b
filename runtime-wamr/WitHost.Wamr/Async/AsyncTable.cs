using WitHost.Wamr.Bindings;

namespace WitHost.Wamr.Async;

/// <summary>
/// One instance's table of async handles (waitables, waitable sets, error contexts), as the
/// Component Model gives each component instance one. Handles count from 1 (0 is never live) and
/// freed ones are reused. A handle the guest gives that is not live, or is of the wrong kind, is a
/// trap; a handle of another instance is just as unknown here.
/// </summary>
internal sealed class AsyncTable
{
    private readonly List<AsyncHandle?> _entries = [null];
    private readonly Stack<uint> _free = new();
    private readonly int _maxHandles;

    public AsyncTable(int maxHandles) => _maxHandles = maxHandles;

    /// <summary>The number of live handles.</summary>
    public int Count => _entries.Count - 1 - _free.Count;

    /// <summary>Adds <paramref name="entry"/> and returns its new handle.</summary>
    public uint Add(AsyncHandle entry)
    {
        HandleLimits.EnsureRoom(Count, _maxHandles, "async");
        uint handle;
        if (_free.TryPop(out var free))
        {
            handle = free;
            _entries[(int)handle] = entry;
        }
        else
        {
            handle = (uint)_entries.Count;
            _entries.Add(entry);
        }

        entry.Handle = handle;
        return handle;
    }

    /// <summary>The live entry <paramref name="handle"/> as a <typeparamref name="T"/>; otherwise a trap.</summary>
    public T Get<T>(uint handle, string kind, string builtin)
        where T : AsyncHandle
    {
        if (handle == 0 || handle >= (uint)_entries.Count || _entries[(int)handle] is not { } entry)
        {
            throw AsyncTrap.In(builtin, $"{handle} is not a live handle of this instance (a {kind} was expected)");
        }

        if (entry is not T typed)
        {
            throw AsyncTrap.In(builtin, $"handle {handle} is a {entry.Kind}, not a {kind}");
        }

        return typed;
    }

    /// <summary>Removes <paramref name="entry"/>, which must be live.</summary>
    public void Remove(AsyncHandle entry)
    {
        _entries[(int)entry.Handle] = null;
        _free.Push(entry.Handle);
    }

    /// <summary>Every live entry (for disposal).</summary>
    public IEnumerable<AsyncHandle> Live()
    {
        foreach (var entry in _entries)
        {
            if (entry is not null)
            {
                yield return entry;
            }
        }
    }
}
