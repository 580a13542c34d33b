using System.Globalization;
using System.Text.Json.Nodes;
using Example.Resources;
using Example.Resources.Counters;
using Example.Resources.Store;
using WitHost.CrossCheck.Tests;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The generated resources bindings give the answers jco gives: every case of
/// <see cref="ResourcesOracleCases"/> (the table ResourcesCrossCheckTests checks jco against) runs,
/// in order and on one instance, through the generated <c>ResourcesHost.Guest</c>, the guest's
/// counters through their generated handle class and the host's blobs through a recording store.
/// Results and import calls are written in the runner's JSON (tests/crosscheck/README.md), with
/// resources numbered from 1 in the order they are first met, as the runner numbers them, and
/// compared with the oracle's.
/// </summary>
public sealed class ResourcesOracleAgreementTests : IClassFixture<ResourcesOracleAgreementTests.Run>
{
    private readonly Run _run;

    public ResourcesOracleAgreementTests(Run run) => _run = run;

    public static TheoryData<string> CaseNames => new(ResourcesOracleCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Generated_bindings_give_the_oracle_answer(string name)
    {
        var oracle = ResourcesOracleCases.All.Single(c => c.Name == name);
        var (result, imports) = _run.Outcomes[name];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(oracle.Result ?? "null"), result), $"result {result?.ToJsonString() ?? "null"}, oracle {oracle.Result}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(oracle.Imports), imports), $"imports {imports.ToJsonString()}, oracle {oracle.Imports}");
    }

    [Fact]
    public void A_counter_given_up_as_own_cannot_be_used()
    {
        // The oracle's case after the table: jco refuses it, the generated class throws.
        var given = (Counter)_run.Handles.Object(2);
        Assert.Throws<ObjectDisposedException>(() => given.Get());
    }

    /// <summary>All the cases, run once in order; each one's result and import calls as JSON.</summary>
    public sealed class Run : IDisposable
    {
        private readonly ResourcesGuest _guest = new();
        private readonly ResourcesHost.Guest _instance;
        private readonly List<JsonNode?> _imports = [];

        public Run()
        {
            Handles = new HandleNumbers(this);
            var store = new RecordingStore(this);
            _instance = ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = store });
            foreach (var oracle in ResourcesOracleCases.All)
            {
                _imports.Clear();
                var result = Call(oracle.Export[ResourcesOracleCases.Counters.Length..], JsonNode.Parse(oracle.Args)!.AsArray());
                Outcomes[oracle.Name] = (result, new JsonArray([.. _imports.Select(call => call?.DeepClone())]));
            }
        }

        public Dictionary<string, (JsonNode? Result, JsonArray Imports)> Outcomes { get; } = [];

        public HandleNumbers Handles { get; }

        public void Dispose()
        {
            _instance.Dispose();
            _guest.Dispose();
        }

        internal void Record(string function, params JsonNode?[] args)
            => _imports.Add(new JsonArray([JsonValue.Create(ResourcesOracleCases.Store + function), .. args]));

        private JsonNode? Call(string export, JsonArray args)
        {
            var counters = _instance.Counters;
            Counter Counter(int i) => (Counter)Handles.Decode(args[i]!);
            IBlob Blob(int i) => (IBlob)Handles.Decode(args[i]!);
            return export switch
            {
                "[constructor]counter" => Handles.Encode(counters.CreateCounter(Text(args[0]), S64(args[1]))),
                "[method]counter.increment" => S64(Counter(0).Increment(S64(args[1]))),
                "[method]counter.get" => S64(Counter(0).Get()),
                "[method]counter.name" => Counter(0).Name(),
                "[method]counter.add-from" => Void(() => Counter(0).AddFrom(Counter(1))),
                "[method]counter.absorb" => Void(() => Counter(0).Absorb(Counter(1))),
                "[method]counter.snapshot" => Handles.Encode(Counter(0).Snapshot()),
                "[static]counter.merge" => Handles.Encode(counters.CounterMerge(Counter(0), Counter(1))),
                "[resource-drop]counter" => Void(Counter(0).Dispose),
                "live-counters" => counters.LiveCounters(),
                "make-blob" => Handles.Encode(counters.MakeBlob(Text(args[0]))),
                "blob-size" => counters.BlobSize(Blob(0)),
                "append-and-read" => Bytes(counters.AppendAndRead(Blob(0), Text(args[1]), args[2]!.GetValue<uint>())),
                "join" => Handles.Encode(counters.Join(Blob(0), Blob(1))),
                "consume" => counters.Consume(Blob(0)),
                "make-many" => new JsonArray([.. counters.MakeMany([.. args[0]!.AsArray().Select(Text)], S64(args[1])).Select(Handles.Encode)]),
                "total" => S64(counters.Total([.. args[0]!.AsArray().Select(item => (Counter)Handles.Decode(item!))])),
                "take-value" => counters.TakeValue(args[0] is null ? null : Counter(0)) is { } value ? S64(value) : null,
                _ => throw new InvalidOperationException("no call for " + export),
            };
        }

        private static JsonNode? Void(Action call)
        {
            call();
            return null;
        }

        private static string Text(JsonNode? node) => node!.GetValue<string>();

        private static long S64(JsonNode? node) => long.Parse(node!["$bigint"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        private static JsonNode S64(long value) => new JsonObject { ["$bigint"] = value.ToString(CultureInfo.InvariantCulture) };

        internal static JsonNode Bytes(byte[] bytes) => new JsonObject { ["$u8"] = new JsonArray([.. bytes.Select(b => (JsonNode)b)]) };

        internal static byte[] Bytes(JsonNode node) => [.. node["$u8"]!.AsArray().Select(item => item!.GetValue<byte>())];
    }

    /// <summary>Resources as the runner shows them: numbered from 1 the first time they are written.</summary>
    public sealed class HandleNumbers(Run run)
    {
        private readonly List<object> _objects = [];
        private readonly Dictionary<object, int> _numbers = new(ReferenceEqualityComparer.Instance);

        public object Object(int number) => _objects[number - 1];

        internal JsonNode Encode(object resource)
        {
            if (!_numbers.TryGetValue(resource, out var number))
            {
                _objects.Add(resource);
                number = _objects.Count;
                _numbers.Add(resource, number);
            }

            return new JsonObject { ["$handle"] = number };
        }

        // {"$handle": n} is that resource again; {"$host": "…#blob", "args": [bytes]} a blob the
        // host makes for the argument, numbered when first written.
        internal object Decode(JsonNode node)
            => node["$handle"] is { } number ? Object(number.GetValue<int>()) : new RecordingBlob(run, Run.Bytes(node["args"]![0]!));
    }

    /// <summary>The host's blobs, recording each import call the guest makes in the runner's shape.</summary>
    private sealed class RecordingStore(Run run) : IStore
    {
        public IBlob CreateBlob(byte[] init)
        {
            run.Record("[constructor]blob", Run.Bytes(init));
            return new RecordingBlob(run, init);
        }

        public IBlob BlobConcat(IBlob a, IBlob b)
        {
            run.Record("[static]blob.concat", run.Handles.Encode(a), run.Handles.Encode(b));
            return new RecordingBlob(run, [.. ((RecordingBlob)a).Bytes, .. ((RecordingBlob)b).Bytes]);
        }
    }

    private sealed class RecordingBlob(Run run, byte[] init) : IBlob, IDisposable
    {
        private readonly List<byte> _bytes = [.. init];

        public byte[] Bytes => [.. _bytes];

        public void Write(byte[] bytes)
        {
            Record("[method]blob.write", Run.Bytes(bytes));
            _bytes.AddRange(bytes);
        }

        public byte[] Read(uint n)
        {
            Record("[method]blob.read", n);
            return [.. _bytes.Take((int)Math.Min(n, (uint)_bytes.Count))];
        }

        public uint Size()
        {
            Record("[method]blob.size");
            return (uint)_bytes.Count;
        }

        public void Dispose() => Record("[resource-drop]blob");

        private void Record(string function, params JsonNode?[] args) => run.Record(function, [run.Handles.Encode(this), .. args]);
    }
}
