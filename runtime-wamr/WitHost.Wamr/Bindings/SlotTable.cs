namespace WitHost.Wamr.Bindings;

/// <summary>
/// The storage behind an instance's handle tables (<see cref="HandleTable{T}"/>,
/// <see cref="RepTable"/>), laid out as the Canonical ABI's table: slot i holds handle i, index 0
/// is never handed out (a zeroed value is never a live handle), and a freed slot is handed out
/// again before the table grows, the last freed first. The free slots are linked through the
/// array itself, so adding and removing allocate nothing once the array has grown.
/// </summary>
/// <typeparam name="T">What a slot holds.</typeparam>
internal sealed class SlotTable<T>
{
    /// <summary>
    /// The most live handles one table may hold: the Canonical ABI's <c>MAX_LENGTH</c>, 2^28 − 1,
    /// which leaves the handle's top bits free for the spec's own uses.
    /// </summary>
    public const int MaxLength = (1 << 28) - 1;

    private readonly string _resourceName;
    private Slot[] _slots = new Slot[4];

    // Slots ever handed out, the reserved slot 0 included; the ones past it were never used.
    private int _used = 1;

    // The last freed slot, which links to the one freed before it; 0 when none is free.
    private int _freeHead;

    /// <summary>An empty table holding at most <paramref name="maxCount"/> live values; <paramref name="resourceName"/> names them in errors.</summary>
    public SlotTable(string resourceName, int maxCount)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        _resourceName = resourceName;
        MaxCount = HandleLimits.Validate(maxCount);
    }

    /// <summary>The most live values the table holds.</summary>
    public int MaxCount { get; }

    /// <summary>The number of live values.</summary>
    public int Count { get; private set; }

    /// <summary>Stores <paramref name="value"/> in a free slot and returns its index (never 0).</summary>
    /// <exception cref="InvalidOperationException">The table already holds <see cref="MaxCount"/> values.</exception>
    public int Add(T value)
    {
        HandleLimits.EnsureRoom(Count, MaxCount, _resourceName);
        int index = _freeHead;
        if (index != 0)
        {
            _freeHead = _slots[index].NextFree;
        }
        else
        {
            if (_used == _slots.Length)
            {
                Array.Resize(ref _slots, (int)Math.Min((long)_slots.Length * 2, (long)MaxLength + 1));
            }
            index = _used++;
        }

        _slots[index] = new Slot { Value = value, Live = true };
        Count++;
        return index;
    }

    /// <summary>The value at <paramref name="index"/>, if that slot is live.</summary>
    public bool TryGet(int index, out T value)
    {
        // Unsigned, so a negative index is out of range too.
        if ((uint)index < (uint)_used && _slots[index].Live)
        {
            value = _slots[index].Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Frees the live slot <paramref name="index"/> and returns what it held.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The slot is not live.</exception>
    public T Remove(int index)
    {
        if (!TryGet(index, out T value))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{index} is not a live {_resourceName} handle.");
        }

        _slots[index] = new Slot { NextFree = _freeHead };
        _freeHead = index;
        Count--;
        return value;
    }

    /// <summary>The live values, in slot order.</summary>
    public IEnumerable<T> LiveValues()
    {
        for (int i = 1; i < _used; i++)
        {
            if (_slots[i].Live)
            {
                yield return _slots[i].Value;
            }
        }
    }

    // The scans take their predicate's state apart (a static predicate and a state allocate nothing per scan).

    /// <summary>Frees every live slot whose value <paramref name="match"/> accepts (with <paramref name="state"/>) and returns how many it freed.</summary>
    public int RemoveAll<TState>(Func<T, TState, bool> match, TState state)
    {
        var removed = 0;
        for (int i = 1; i < _used; i++)
        {
            if (_slots[i].Live && match(_slots[i].Value, state))
            {
                Remove(i);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>How many live slots hold a value <paramref name="match"/> accepts (with <paramref name="state"/>).</summary>
    public int CountWhere<TState>(Func<T, TState, bool> match, TState state)
    {
        var count = 0;
        for (int i = 1; i < _used; i++)
        {
            if (_slots[i].Live && match(_slots[i].Value, state))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Replaces each live value <paramref name="match"/> accepts (with <paramref name="matchState"/>)
    /// with what <paramref name="change"/> makes of it (with <paramref name="changeState"/>), in
    /// place; returns how many it replaced.
    /// </summary>
    public int ReplaceWhere<TMatchState, TChangeState>(Func<T, TMatchState, bool> match, TMatchState matchState, Func<T, TChangeState, T> change, TChangeState changeState)
    {
        var replaced = 0;
        for (int i = 1; i < _used; i++)
        {
            if (_slots[i].Live && match(_slots[i].Value, matchState))
            {
                _slots[i].Value = change(_slots[i].Value, changeState);
                replaced++;
            }
        }

        return replaced;
    }

    /// <summary>Frees every slot; the table starts over from index 1.</summary>
    public void Clear()
    {
        _slots = new Slot[4];
        _used = 1;
        _freeHead = 0;
        Count = 0;
    }

    private struct Slot
    {
        public T Value;
        public int NextFree;
        public bool Live;
    }
}
