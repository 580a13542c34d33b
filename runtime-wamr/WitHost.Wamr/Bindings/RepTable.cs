namespace WitHost.Wamr.Bindings;

/// <summary>
/// One instance's handles to the resources it implements itself (exported resources): what the
/// host's <c>[export]ns:pkg/iface</c> <c>[resource-new]r</c>, <c>[resource-rep]r</c> and
/// <c>[resource-drop]r</c> imports serve. The guest turns its representation (an i32, usually a
/// pointer) into a handle with <c>[resource-new]</c> before returning an <c>own&lt;r&gt;</c>; the host
/// takes the handle out when it lifts the result, and from then on holds the representation itself.
/// Index 0 is never handed out; a bad index is a trap that faults the instance. The table also runs
/// the guest's destructor (<see cref="Destroy"/>) when the last handle to a representation goes,
/// whether the guest drops it or the host disposes its <see cref="GuestResourceHandle"/>.
/// </summary>
public sealed class RepTable
{
    private readonly string _resourceName;
    private readonly string? _destructorExport;

    // The destructor export, looked up on first use (the table exists before its instance does).
    private WamrFunction? _destructor;
    private bool _destructorLookedUp;

    // Slot i holds handle i's representation.
    private readonly SlotTable<uint> _reps;

    /// <summary>
    /// An empty table; <paramref name="resourceName"/> names the resource in trap messages. Make one
    /// per instance and resource type. The methods that can trap take the instance to fault, since
    /// generated bindings make the table before the instance exists (its imports need it).
    /// </summary>
    public RepTable(string resourceName)
        : this(resourceName, null)
    {
    }

    /// <summary>
    /// An empty table whose <see cref="Destroy"/> calls the guest's export
    /// <paramref name="destructorExport"/> (<c>ns:pkg/iface#[dtor]r</c>) when the guest has one.
    /// </summary>
    public RepTable(string resourceName, string? destructorExport)
        : this(resourceName, destructorExport, HandleLimits.DefaultMaxHandles)
    {
    }

    /// <summary>As <see cref="RepTable(string, string?)"/>, holding at most <paramref name="maxHandles"/> live handles.</summary>
    public RepTable(string resourceName, string? destructorExport, int maxHandles)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        _resourceName = resourceName;
        _destructorExport = destructorExport;
        _reps = new SlotTable<uint>(resourceName, maxHandles);
    }

    /// <summary>
    /// The most live handles the table holds (<see cref="HandleLimits.DefaultMaxHandles"/> unless
    /// given). A <c>[resource-new]</c> past it traps the guest's call.
    /// </summary>
    public int MaxHandles => _reps.MaxCount;

    /// <summary>The resource's WIT name.</summary>
    public string ResourceName => _resourceName;

    /// <summary>The number of live handles.</summary>
    public int Count => _reps.Count;

    /// <summary><c>[resource-new]</c>: a new own handle to <paramref name="rep"/>.</summary>
    public int New(uint rep) => _reps.Add(rep);

    /// <summary>Removes a handle the guest never saw (a lowering undone).</summary>
    internal void Forget(int handle) => _reps.Remove(handle);

    /// <summary><c>[resource-rep]</c>: the representation behind a live handle.</summary>
    public uint Rep(WamrInstance instance, int handle, string functionName) => Live(instance, handle, functionName);

    /// <summary>
    /// Lifts an <c>own</c> the guest returns: the handle leaves the table and the host holds the
    /// representation (and calls the guest's <c>[dtor]</c> when it is done with it).
    /// </summary>
    public uint Take(WamrInstance instance, int handle, string functionName)
    {
        Live(instance, handle, functionName);
        return _reps.Remove(handle);
    }

    /// <summary>
    /// <c>[resource-drop]</c> from the guest: removes the handle and returns the representation,
    /// whose <c>[dtor]</c> the caller runs (the guest gave up its last reference).
    /// </summary>
    public uint Drop(WamrInstance instance, int handle, string functionName) => Take(instance, handle, functionName);

    /// <summary>
    /// The last handle to <paramref name="rep"/> is gone: runs the guest's <c>[dtor]</c> on it, as
    /// <c>resource.drop</c> of an own handle asks. A guest without a destructor export has nothing
    /// to release.
    /// </summary>
    public void Destroy(WamrInstance instance, uint rep)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!_destructorLookedUp)
        {
            _destructor = _destructorExport is null ? null : instance.TryGetFunction(_destructorExport);
            _destructorLookedUp = true;
        }

        if (_destructor is null)
        {
            return;
        }

        Span<uint> cells = stackalloc uint[Math.Max(Math.Max(_destructor.ParameterCells, _destructor.ResultCells), 1)];
        cells[0] = rep;
        _destructor.InvokeCells(cells);
    }

    private uint Live(WamrInstance instance, int handle, string functionName)
    {
        if (!_reps.TryGet(handle, out uint rep))
        {
            ArgumentNullException.ThrowIfNull(instance);
            throw instance.Fault(functionName, $"{handle} is not a live {_resourceName} handle", null);
        }

        return rep;
    }
}
