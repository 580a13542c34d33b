using Example.Collections;
using Example.Collections.Types;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The host side of the collections world: each import returns its argument, unless a test sets
/// an answer of its own; every call's name and argument are recorded.
/// </summary>
internal sealed class CollectionsEchoHost : IHost
{
    public List<(string Function, object? Argument)> Calls { get; } = [];

    /// <summary>When set, the answer of every import in place of its argument.</summary>
    public Func<object?, object?>? Answer { get; set; }

    public CollectionsHost.Imports Imports => new() { Host = this };

    public IReadOnlyDictionary<string, uint> EchoMap(IReadOnlyDictionary<string, uint> v) => Echo("echo-map", v);
    public IReadOnlyDictionary<uint, string[]> EchoMapLists(IReadOnlyDictionary<uint, string[]> v) => Echo("echo-map-lists", v);
    public uint[] EchoFixed(uint[] v) => Echo("echo-fixed", v);
    public string[] EchoFixedStrings(string[] v) => Echo("echo-fixed-strings", v);
    public Shelf EchoShelf(Shelf v) => Echo("echo-shelf", v);

    private T Echo<T>(string function, T value)
    {
        Calls.Add((function, value));
        return Answer is null ? value : (T)Answer(value)!;
    }
}
