using Example.Keyvalue.Store;

namespace WitHost.Samples.KeyValue;

/// <summary>
/// One handle's object: a view of a named bucket's pairs. It counts what it is asked, and says
/// so when it is disposed, which for a handle the guest owns happens when the guest drops it.
/// </summary>
public sealed class Bucket : IBucket, IDisposable
{
    private readonly BucketStore _store;
    private readonly SortedDictionary<string, byte[]> _pairs;
    private int _gets, _sets, _deletes, _listings;
    private bool _disposed;

    internal Bucket(BucketStore store, int number, string name, SortedDictionary<string, byte[]> pairs)
    {
        _store = store;
        _pairs = pairs;
        Number = number;
        Name = name;
    }

    /// <summary>Which object this is, counting from 1, so the notes can tell handles apart.</summary>
    public int Number { get; }

    public string Name { get; }

    public byte[]? Get(string key)
    {
        _gets++;
        return _pairs.TryGetValue(key, out byte[]? value) ? value : null;
    }

    public Result<Unit, StoreError> Set(string key, byte[] value)
    {
        _sets++;
        if (key.Length == 0)
        {
            return Result<Unit, StoreError>.Err(new StoreError.EmptyKey());
        }
        if (value.Length > BucketStore.MaxValueLength)
        {
            return Result<Unit, StoreError>.Err(new StoreError.ValueTooLarge(BucketStore.MaxValueLength));
        }
        _pairs[key] = value;
        return Result<Unit, StoreError>.Ok(Unit.Value);
    }

    public bool Delete(string key)
    {
        _deletes++;
        return _pairs.Remove(key);
    }

    public string[] Keys()
    {
        _listings++;
        return [.. _pairs.Keys];
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _store.Closed();
        _store.Note($"disposed {this} ({_gets} get, {_sets} set, {_deletes} delete, {_listings} keys)");
    }

    public override string ToString() => $"bucket #{Number} \"{Name}\"";
}
