using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Example.Collections.Types;
using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Maps (<c>IReadOnlyDictionary&lt;K, V&gt;</c>) and fixed-length lists (<c>T[]</c> of length N)
/// through generated calls, both ways through tests/guests/collections.wasm, and the generated
/// path held to the dynamic codec (<see cref="DynamicExportCall"/>) on random values.
/// </summary>
public sealed class CollectionsBindingsTests : IClassFixture<CollectionsGuest>
{
    private const string ExportPrefix = "example:collections/echoes#";
    private const int ValuesPerFunction = 12;

    private static readonly WitInterface s_echoes = LoadEchoes();

    private readonly CollectionsGuest _guest;

    public CollectionsBindingsTests(CollectionsGuest guest) => _guest = guest;

    [Fact]
    public void A_map_round_trips_through_the_guest()
    {
        var host = new CollectionsEchoHost();
        using var guest = CollectionsHost.Instantiate(_guest.Module, host.Imports);
        var map = new Dictionary<string, uint> { ["one"] = 1, [""] = 0, ["κλειδί 🔑"] = uint.MaxValue };

        var echoed = guest.Echoes.EchoMap(map);

        Assert.Equal(map, echoed);
        Assert.Equal(map, Assert.IsAssignableFrom<IReadOnlyDictionary<string, uint>>(Assert.Single(host.Calls).Argument));
        Assert.Empty(guest.Echoes.EchoMap(new Dictionary<string, uint>()));
    }

    [Fact]
    public void A_map_of_lists_round_trips_through_the_guest()
    {
        var host = new CollectionsEchoHost();
        using var guest = CollectionsHost.Instantiate(_guest.Module, host.Imports);
        var map = new Dictionary<uint, string[]> { [7] = ["a", "bc"], [0] = [], [42] = ["ü"] };

        var echoed = guest.Echoes.EchoMapLists(map);

        Assert.Equal(map.Keys, echoed.Keys);
        foreach (var (key, value) in map)
        {
            Assert.Equal(value, echoed[key]);
        }
    }

    [Fact]
    public void Fixed_length_lists_round_trip_through_the_guest()
    {
        var host = new CollectionsEchoHost();
        using var guest = CollectionsHost.Instantiate(_guest.Module, host.Imports);

        Assert.Equal([1u, 2u, uint.MaxValue, 0u], guest.Echoes.EchoFixed([1, 2, uint.MaxValue, 0]));
        Assert.Equal(["x", "", "ÿ 🌍"], guest.Echoes.EchoFixedStrings(["x", "", "ÿ 🌍"]));
    }

    [Fact]
    public void A_record_with_a_map_and_nested_fixed_length_lists_round_trips_through_the_guest()
    {
        var host = new CollectionsEchoHost();
        using var guest = CollectionsHost.Instantiate(_guest.Module, host.Imports);
        var shelf = new Shelf(new Dictionary<string, long> { ["low"] = long.MinValue, ["high"] = long.MaxValue }, [1.5f, -0.25f], [[1, 2], [3, 4], [255, 0]]);

        var echoed = guest.Echoes.EchoShelf(shelf);

        Assert.Equal(shelf.Labels, echoed.Labels);
        Assert.Equal(shelf.Corners, echoed.Corners);
        Assert.Equal(shelf.Grid, echoed.Grid);
    }

    [Fact]
    public void A_key_the_guest_sends_twice_takes_its_last_value()
    {
        // The dynamic codec lowers the pairs as given, repeated key included; the guest passes
        // them on to the host, whose generated import entry lifts them into a dictionary.
        var host = new CollectionsEchoHost();
        using var guest = CollectionsHost.Instantiate(_guest.Module, host.Imports);
        var pairs = new WitListValue([Entry("a", 1), Entry("b", 2), Entry("a", 3)]);

        DynamicExportCall.Invoke(guest.Instance, ExportPrefix + "echo-map", Function("echo-map"), [pairs]);

        var lifted = Assert.IsAssignableFrom<IReadOnlyDictionary<string, uint>>(Assert.Single(host.Calls).Argument);
        Assert.Equal(new Dictionary<string, uint> { ["a"] = 3, ["b"] = 2 }, lifted);

        static WitTupleValue Entry(string key, uint value) => new([new WitStringValue(key), new WitIntegerValue(value)]);
    }

    [Fact]
    public void A_fixed_length_list_of_another_length_is_an_ArgumentException_for_its_parameter()
    {
        using var guest = CollectionsHost.Instantiate(_guest.Module, new CollectionsEchoHost().Imports);

        var tooShort = Assert.Throws<ArgumentException>(() => guest.Echoes.EchoFixed([1, 2, 3]));
        Assert.Equal("v", tooShort.ParamName);
        Assert.Contains("3 elements where WIT says 4", tooShort.Message, StringComparison.Ordinal);

        var nested = Assert.Throws<ArgumentException>(() => guest.Echoes.EchoShelf(new Shelf(new Dictionary<string, long>(), [0, 0], [[1, 2], [3], [5, 6]])));
        Assert.Equal("v", nested.ParamName);
        Assert.Contains("1 elements where WIT says 2", nested.Message, StringComparison.Ordinal);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_host_answer_of_another_fixed_length_traps_the_guest_call_naming_the_import()
    {
        var host = new CollectionsEchoHost { Answer = _ => new uint[] { 1, 2, 3, 4, 5 } };
        using var guest = CollectionsHost.Instantiate(_guest.Module, host.Imports);

        var trap = Assert.Throws<WasmTrapException>(() => guest.Echoes.EchoFixed([1, 2, 3, 4]));

        var cause = Assert.IsType<InvalidOperationException>(trap.InnerException);
        Assert.Contains("example:collections/host#echo-fixed returned a fixed-length list of 5 elements where WIT says 4", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dictionary_that_enumerates_more_entries_than_its_Count_is_refused()
    {
        using var guest = CollectionsHost.Instantiate(_guest.Module, new CollectionsEchoHost().Imports);

        var error = Assert.Throws<InvalidOperationException>(() => guest.Echoes.EchoMap(new MiscountedDictionary()));

        Assert.Contains("Count of 1", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Functions => new() { "echo-map", "echo-map-lists", "echo-fixed", "echo-fixed-strings", "echo-shelf" };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Generated_lifting_and_lowering_agree_with_the_dynamic_codec(string name)
    {
        var function = Function(name);
        var parameterType = Assert.Single(function.Parameters).Type;
        var wrapper = GeneratedValues.StringFormWrapper(typeof(CollectionsHost.Guest).GetProperty("Echoes")!.PropertyType, DifferentialRuns.ToPascalCase(name))!;
        var values = new RandomWitValueSource(seed: name.Length * 7919 + name[^1]);

        for (var i = 0; i < ValuesPerFunction; i++)
        {
            var value = values.Value(parameterType);

            // Lifting: the generated import entry lifts what the dynamic codec lowered.
            var typed = ToGenerated(function, value);
            Assert.Equal(value, ToWit(typed));

            // Lowering: the same cabi_realloc calls and the same memory afterwards.
            var dynamicRun = Run(guest => DynamicExportCall.Invoke(guest.Instance, ExportPrefix + name, function, [value]));
            var generatedRun = Run(guest => DifferentialRuns.Call(wrapper, guest.Echoes, typed));
            Assert.Equal(dynamicRun.Reallocs, generatedRun.Reallocs);
            var difference = DifferentialRuns.FirstDifference(dynamicRun.Memory, generatedRun.Memory);
            Assert.True(difference < 0, $"{name}({value}): memory differs at {difference}");

            // Lifting the export's result: the same value.
            Assert.Equal(dynamicRun.Result, ToWit(generatedRun.Result));
        }
    }

    /// <summary>The value as the generated code types it: what the generated import entry lifts when the dynamic codec passes it through the guest.</summary>
    private object? ToGenerated(WitFunction function, WitValue value)
    {
        var host = new CollectionsEchoHost();
        using var guest = CollectionsHost.Instantiate(_guest.Module, host.Imports);
        DynamicExportCall.Invoke(guest.Instance, ExportPrefix + function.Name, function, [value]);
        var (called, argument) = Assert.Single(host.Calls);
        Assert.Equal(function.Name, called);
        return argument;
    }

    private (List<(uint, uint, uint, uint, uint)> Reallocs, byte[] Memory, object? Result) Run(Func<CollectionsHost.Guest, object?> call)
    {
        using var guest = CollectionsHost.Instantiate(_guest.Module, new CollectionsEchoHost().Imports);
        var reallocs = new List<(uint, uint, uint, uint, uint)>();
        guest.Instance.ReallocObserver = (pointer, size, alignment, newSize, result) => reallocs.Add((pointer, size, alignment, newSize, result));
        var result = call(guest);
        guest.Instance.ReallocObserver = null;
        return (reallocs, guest.Instance.Memory.Span.ToArray(), result);
    }

    /// <summary>A generated value of the collections world as the dynamic codec's value: a dictionary is its pairs in enumeration order.</summary>
    private static WitValue ToWit(object? value) => value switch
    {
        string text => new WitStringValue(text),
        uint number => new WitIntegerValue(number),
        long number => new WitIntegerValue(number),
        byte number => new WitIntegerValue(number),
        float number => new WitFloat32Value(number),
        IDictionary map => new WitListValue(Entries(map).Select(entry => (WitValue)new WitTupleValue([ToWit(entry.Key), ToWit(entry.Value)])).ToImmutableArray()),
        Array array => new WitListValue(array.Cast<object?>().Select(ToWit).ToImmutableArray()),
        Shelf shelf => new WitRecordValue([new WitFieldValue("labels", ToWit(shelf.Labels)), new WitFieldValue("corners", ToWit(shelf.Corners)), new WitFieldValue("grid", ToWit(shelf.Grid))]),
        _ => throw new ArgumentException("Not a value of the collections world: " + value),
    };

    private static IEnumerable<DictionaryEntry> Entries(IDictionary map)
    {
        var entries = map.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return entries.Entry;
        }
    }

    private static WitFunction Function(string name) => s_echoes.Functions.Single(candidate => candidate.Name == name);

    private static WitInterface LoadEchoes()
    {
        var resolution = WitResolver.ResolvePath(Path.Combine(AppContext.BaseDirectory, "wit", "collections.wit"));
        Assert.False(resolution.HasErrors);
        return resolution.Root!.FindInterface("echoes")!;
    }

    /// <summary>Says it has one entry and enumerates two.</summary>
    private sealed class MiscountedDictionary : IReadOnlyDictionary<string, uint>
    {
        private readonly Dictionary<string, uint> _entries = new() { ["a"] = 1, ["b"] = 2 };

        public int Count => 1;
        public uint this[string key] => _entries[key];
        public IEnumerable<string> Keys => _entries.Keys;
        public IEnumerable<uint> Values => _entries.Values;
        public bool ContainsKey(string key) => _entries.ContainsKey(key);
        public bool TryGetValue(string key, out uint value) => _entries.TryGetValue(key, out value);
        public IEnumerator<KeyValuePair<string, uint>> GetEnumerator() => _entries.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
