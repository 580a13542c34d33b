using BenchmarkDotNet.Attributes;
using WitHost.Wamr.Bindings;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// What a handle costs in <see cref="HandleTable{T}"/>, whose slots are a Canonical ABI table
/// (one array of struct slots, the free ones linked through it), next to the layout it had before
/// (<see cref="ListAndStackHandles"/>: a list of entry objects and a stack of free indexes), in
/// one run. Each operation is a guest's round: it is given <see cref="Live"/> own handles, the
/// host looks each up, and takes each back.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HandleTableBenchmarks
{
    private readonly ListAndStackHandles _previous = new();
    private readonly HandleTable<object> _table = new("thing");
    private object[] _objects = [];
    private int[] _handles = [];

    /// <summary>Handles live at once.</summary>
    [Params(16, 4096)]
    public int Live { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _objects = Enumerable.Range(0, Live).Select(_ => new object()).ToArray();
        _handles = new int[Live];
        // Both tables have grown to their working size before measuring.
        ListAndStackRound();
        SlotTableRound();
    }

    [Benchmark(Baseline = true)]
    public int ListAndStackRound()
    {
        int sum = 0;
        for (int i = 0; i < _objects.Length; i++)
        {
            _handles[i] = _previous.Add(_objects[i]);
        }
        for (int i = 0; i < _handles.Length; i++)
        {
            sum += _previous.Get(_handles[i]) is null ? 0 : 1;
        }
        for (int i = 0; i < _handles.Length; i++)
        {
            _previous.Take(_handles[i]);
        }
        return sum;
    }

    [Benchmark]
    public int SlotTableRound()
    {
        int sum = 0;
        for (int i = 0; i < _objects.Length; i++)
        {
            _handles[i] = _table.AddOwn(_objects[i]);
        }
        // The instance is only needed to fault it when a handle is bad; these are all live.
        for (int i = 0; i < _handles.Length; i++)
        {
            sum += _table.Get(null!, _handles[i], "f") is null ? 0 : 1;
        }
        for (int i = 0; i < _handles.Length; i++)
        {
            _table.Take(null!, _handles[i], "f");
        }
        return sum;
    }

    /// <summary>The table's layout before the slot table, with the same checks, as the baseline.</summary>
    public sealed class ListAndStackHandles
    {
        private readonly List<Entry?> _entries = [null];
        private readonly Stack<int> _free = new();

        public int Add(object value)
        {
            if (_entries.Count - 1 - _free.Count >= HandleLimits.DefaultMaxHandles)
            {
                throw new InvalidOperationException("full");
            }
            if (_free.Count > 0)
            {
                int reused = _free.Pop();
                _entries[reused] = new Entry(value, own: true);
                return reused;
            }
            _entries.Add(new Entry(value, own: true));
            return _entries.Count - 1;
        }

        public object Get(int handle) => Live(handle).Value;

        public object Take(int handle)
        {
            Entry entry = Live(handle);
            if (!entry.Own)
            {
                throw new InvalidOperationException("borrowed");
            }
            _entries[handle] = null;
            _free.Push(handle);
            return entry.Value;
        }

        private Entry Live(int handle) =>
            handle <= 0 || handle >= _entries.Count || _entries[handle] is not { } entry
                ? throw new InvalidOperationException("not live")
                : entry;

        public sealed class Entry(object value, bool own)
        {
            public object Value { get; } = value;

            public bool Own { get; } = own;
        }
    }
}
