using Example.Keyvalue;
using Example.Keyvalue.Store;

namespace WitHost.Samples.KeyValue;

/// <summary>
/// The host's side of <c>example:keyvalue/store</c>: named buckets of pairs, and a
/// <see cref="Bucket"/> object per handle. The guest's constructor call makes one; the generated
/// bindings put it in the instance's handle table and hand the guest its index, and when the
/// guest drops that handle they dispose the object. What happens is kept as notes, which the
/// tour prints under the call that caused them.
/// </summary>
public sealed class BucketStore : IStore
{
    /// <summary>The longest value a bucket takes, in bytes.</summary>
    public const int MaxValueLength = 32;

    private readonly Dictionary<string, SortedDictionary<string, byte[]>> _buckets = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private int _lastNumber;

    /// <summary>Bucket objects made and not yet disposed, whoever holds them.</summary>
    public int OpenBuckets { get; private set; }

    /// <summary>The guest's constructor: <c>bucket(name)</c>.</summary>
    public IBucket CreateBucket(string name) => Open(name, openedFor: "the guest");

    /// <summary>A bucket object the host makes for itself, for example to lend to the guest.</summary>
    public Bucket Open(string name) => Open(name, openedFor: "the host");

    /// <summary>The pairs of bucket <paramref name="name"/> as <c>key=value</c>, values read as UTF-8.</summary>
    public string Contents(string name) =>
        _buckets.TryGetValue(name, out var pairs)
            ? string.Join(", ", pairs.Select(pair => $"{pair.Key}={System.Text.Encoding.UTF8.GetString(pair.Value)}"))
            : "(no such bucket)";

    /// <summary>The notes since the last call, oldest first; the list is emptied.</summary>
    public IReadOnlyList<string> TakeNotes()
    {
        string[] notes = [.. _notes];
        _notes.Clear();
        return notes;
    }

    internal void Note(string note) => _notes.Add(note);

    internal void Closed() => OpenBuckets--;

    private Bucket Open(string name, string openedFor)
    {
        if (!_buckets.TryGetValue(name, out var pairs))
        {
            pairs = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            _buckets.Add(name, pairs);
        }
        var bucket = new Bucket(this, ++_lastNumber, name, pairs);
        OpenBuckets++;
        Note($"opened {bucket} for {openedFor}");
        return bucket;
    }
}
