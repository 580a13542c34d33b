namespace WitHost.Wamr.Bindings;

/// <summary>
/// The bound on the handles one table may hold: a guest that creates handles and never drops
/// them would otherwise make the host keep every one (10 million handles cost 730 MB).
/// </summary>
public static class HandleLimits
{
    /// <summary>
    /// The default bound of <see cref="HandleTable{T}"/> and <see cref="RepTable"/>: 2^20
    /// (1,048,576) live handles per resource type per instance, about 32 bytes of table each
    /// (plus the host objects): far more than a plugin holds at once, and tens of megabytes at
    /// worst.
    /// </summary>
    public const int DefaultMaxHandles = 1 << 20;

    /// <summary>
    /// Throws when a table that holds <paramref name="liveHandles"/> of <paramref name="max"/> is
    /// full. Thrown inside a host import (a guest asking for its 1,048,577th handle), it makes the
    /// guest's call trap and faults the instance like any host exception.
    /// </summary>
    internal static void EnsureRoom(int liveHandles, int max, string resourceName)
    {
        if (liveHandles >= max)
        {
            throw new InvalidOperationException(
                $"The instance already holds {liveHandles} {resourceName} handles, the most it may (a handle table's limit is {max}); it must drop some first.");
        }
    }

    /// <summary>
    /// The largest bound a table accepts: the Canonical ABI's table limit, 2^28 − 1
    /// (268,435,455) handles.
    /// </summary>
    public const int MaxHandlesPerTable = SlotTable<int>.MaxLength;

    internal static int Validate(int maxHandles) => maxHandles switch
    {
        <= 0 => throw new ArgumentOutOfRangeException(nameof(maxHandles), maxHandles, "A handle table must be able to hold at least one handle."),
        > MaxHandlesPerTable => throw new ArgumentOutOfRangeException(nameof(maxHandles), maxHandles, $"A handle table holds at most {MaxHandlesPerTable} handles, the Canonical ABI's limit (2^28 - 1)."),
        _ => maxHandles,
    };
}
