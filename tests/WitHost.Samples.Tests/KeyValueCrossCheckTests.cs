using System.Text.Json.Nodes;
using Example.Keyvalue.Store;
using WitHost.Samples.KeyValue;
using WitHost.Wamr;

namespace WitHost.Samples.Tests;

/// <summary>
/// The KeyValue guest through jco: jco must accept it as a component of the world in
/// wit/keyvalue.wit and, with the same buckets on the host (jco/bucket-store.mjs), give the same
/// answers as the generated host on WAMR, handles made, lent, returned and dropped included.
/// </summary>
public sealed class KeyValueCrossCheckTests
{
    private const string Jobs = "example:keyvalue/jobs#";
    private const string Store = "example:keyvalue/store#";

    // The runner numbers resource objects as it first meets them, and it meets each bucket in the
    // records of its method calls (self first): the buckets of the calls below are numbers 1 to 7
    // (one per call), snapshot's source 8 and its target, the bucket it returns, 9.
    private const int SnapshotHandle = 9;

    private static readonly Lazy<JsonArray> s_jco = new(RunWithJco);

    private static JsonArray Jco => s_jco.Value;

    [Fact]
    public void Jco_and_the_generated_host_give_the_same_answers()
    {
        var store = new BucketStore();
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(KeyValueTour.GuestPath);
        using var guest = KeyValueHost.Instantiate(module, new KeyValueHost.Imports { Store = store });

        Assert.Equal(5, Result(0)!.GetValue<int>());
        Assert.Equal(5u, guest.Jobs.CountWords("words", "the cat saw the dog").Value);
        Assert.Equal(3, Result(1)!.GetValue<int>());
        Assert.Equal(3u, guest.Jobs.CountWords("words", "the dog ran").Value);
        using (Bucket words = store.Open("words"))
        {
            Assert.Equal(Strings(Result(2)), guest.Jobs.Dump(words));
        }
        Assert.Equal(Strings(Result(3)), guest.Jobs.Prune("words", 2));
        Assert.Null(Result(4));
        Assert.True(guest.Jobs.Remember("notes", "greeting", "hello").IsOk);
        Assert.Equal("{\"tag\":\"empty-key\"}", Jco[5]!["error"]!.ToJsonString());
        Assert.IsType<StoreError.EmptyKey>(guest.Jobs.Remember("notes", "", "no key").Error);
        Assert.Equal("{\"tag\":\"value-too-large\",\"val\":32}", Jco[6]!["error"]!.ToJsonString());
        Assert.Equal(new StoreError.ValueTooLarge(32), guest.Jobs.Remember("notes", "essay", "a note far longer than thirty-two bytes").Error);
        Assert.Equal(SnapshotHandle, Result(7)!["$handle"]!.GetValue<int>());
        IBucket backup = guest.Jobs.Snapshot("words", "backup");
        Assert.Equal(Strings(Result(8)), guest.Jobs.Dump(backup));
        Assert.Equal(["dog=2", "the=3"], Strings(Result(8)));
    }

    [Fact]
    public void Jco_sees_the_guest_open_and_drop_its_own_handle()
    {
        string[] imports = Imports(0);
        Assert.Equal($"{Store}[constructor]bucket", imports[0]);
        Assert.Equal($"{Store}[resource-drop]bucket", imports[^1]);
        Assert.Equal(5, imports.Count(name => name == $"{Store}[method]bucket.set"));
    }

    [Fact]
    public void Jco_sees_no_drop_of_a_lent_handle_and_none_of_a_returned_one()
    {
        Assert.DoesNotContain($"{Store}[resource-drop]bucket", Imports(2));
        string[] snapshot = Imports(7);
        Assert.Equal(2, snapshot.Count(name => name == $"{Store}[constructor]bucket"));
        Assert.Equal(1, snapshot.Count(name => name == $"{Store}[resource-drop]bucket"));
    }

    private static JsonNode? Result(int call)
    {
        JsonObject report = Jco[call]!.AsObject();
        Assert.True(report.ContainsKey("result"), $"call {call}: {report.ToJsonString()}");
        return report["result"];
    }

    private static string[] Strings(JsonNode? list) => [.. list!.AsArray().Select(item => item!.GetValue<string>())];

    private static string[] Imports(int call) => [.. Jco[call]!["imports"]!.AsArray().Select(import => import!["import"]!.GetValue<string>())];

    private static JsonArray RunWithJco()
    {
        static JsonObject Call(string function, params JsonNode?[] args) => new() { ["export"] = Jobs + function, ["args"] = new JsonArray(args) };

        return JcoOracle.Run(new JsonObject
        {
            ["wasm"] = JcoOracle.InRepo("samples", "KeyValue", "guest", "keyvalue.wasm"),
            ["wit"] = JcoOracle.InRepo("wit", "keyvalue.wit"),
            ["world"] = "keyvalue",
            ["host"] = Path.Combine(AppContext.BaseDirectory, "jco", "bucket-store.mjs"),
            ["calls"] = new JsonArray(
                Call("count-words", "words", "the cat saw the dog"),
                Call("count-words", "words", "the dog ran"),
                // A bucket the host makes and lends: {"$host": …} makes it without recording a call.
                Call("dump", new JsonObject { ["$host"] = $"{Store}bucket", ["args"] = new JsonArray("words") }),
                Call("prune", "words", 2),
                Call("remember", "notes", "greeting", "hello"),
                Call("remember", "notes", "", "no key"),
                Call("remember", "notes", "essay", "a note far longer than thirty-two bytes"),
                Call("snapshot", "words", "backup"),
                // The bucket snapshot returned, lent back to the guest.
                Call("dump", new JsonObject { ["$handle"] = SnapshotHandle })),
        });
    }
}
