using System.Text;
using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The resources world (wit/resources.wit, guest tests/guests/resources.c) through jco: the
/// guest's exported resource <c>counter</c> (constructor, methods, a static function, own and
/// borrow parameters, its destructor) and the host's resource <c>blob</c>
/// (tests/crosscheck/hosts/blob-store.mjs) used by guest exports. Resources show as
/// <c>{"$handle": n}</c>, numbered from 1 in the order the runner first meets them, so the
/// cases run in order and each handle number below is the object made by an earlier case.
/// </summary>
public sealed class ResourcesCrossCheckTests : IClassFixture<ResourcesCrossCheckTests.Run>
{
    private const string Counters = "example:resources/counters#";
    private const string Store = "example:resources/store#";

    private static string Handle(int number) => $$"""{"$handle": {{number}}}""";

    private static string S64(long value) => $$"""{"$bigint": "{{value}}"}""";

    private static string Bytes(string text) => new JsonObject { ["$u8"] = new JsonArray([.. Encoding.UTF8.GetBytes(text).Select(b => (JsonNode)b)]) }.ToJsonString();

    private static string Calls(params string[] calls) => "[" + string.Join(", ", calls) + "]";

    private static string Call(string function, params string[] args) => $"[\"{Store}{function}\"{string.Concat(args.Select(a => ", " + a))}]";

    private static readonly OracleCase[] s_cases =
    [
        // Counters 1 ("a") and 2 ("b"): the guest's own resource.
        new("constructor", Counters + "[constructor]counter", $"[\"a\", {S64(5)}]", Handle(1)),
        new("method with an argument", Counters + "[method]counter.increment", $"[{Handle(1)}, {S64(3)}]", S64(8)),
        new("method returning a string", Counters + "[method]counter.name", $"[{Handle(1)}]", "\"a\""),
        new("one counter lives", Counters + "live-counters", "[]", "1"),
        new("second constructor", Counters + "[constructor]counter", $"[\"b\", {S64(-2)}]", Handle(2)),
        new("static function over two borrows", Counters + "[static]counter.merge", $"[{Handle(1)}, {Handle(2)}]", Handle(3)),
        new("name of the merged counter", Counters + "[method]counter.name", $"[{Handle(3)}]", "\"a+b\""),
        new("value of the merged counter", Counters + "[method]counter.get", $"[{Handle(3)}]", S64(6)),
        new("borrow parameter", Counters + "[method]counter.add-from", $"[{Handle(1)}, {Handle(2)}]", "null"),
        new("after the borrow", Counters + "[method]counter.get", $"[{Handle(1)}]", S64(6)),
        new("the lender keeps its counter", Counters + "[method]counter.get", $"[{Handle(2)}]", S64(-2)),
        new("own parameter", Counters + "[method]counter.absorb", $"[{Handle(1)}, {Handle(2)}]", "null"),
        new("after absorbing", Counters + "[method]counter.get", $"[{Handle(1)}]", S64(4)),
        new("absorbing ran the destructor", Counters + "live-counters", "[]", "2"),
        new("dropping the last handle", Counters + "[resource-drop]counter", $"[{Handle(3)}]", "null"),
        new("dropping ran the destructor", Counters + "live-counters", "[]", "1"),

        // Blobs: the host's resource, made by the guest through the host's constructor or
        // lent to it by the host.
        new("method returning a host resource", Counters + "[method]counter.snapshot", $"[{Handle(1)}]", Handle(4),
            Imports: Calls(Call("[constructor]blob", Bytes("4")))),
        new("borrowed host resource", Counters + "blob-size", $"[{Handle(4)}]", "1",
            Imports: Calls(Call("[method]blob.size", Handle(4)))),
        new("host constructor from a string", Counters + "make-blob", "[\"héllo\"]", Handle(5),
            Imports: Calls(Call("[constructor]blob", Bytes("héllo")))),
        new("host methods through a borrow", Counters + "append-and-read", $"[{Handle(5)}, \" world\", 3]", Bytes("hé"),
            Imports: Calls(Call("[method]blob.write", Handle(5), Bytes(" world")), Call("[method]blob.read", Handle(5), "3"))),
        new("host static function", Counters + "join", $"[{Handle(4)}, {Handle(5)}]", Handle(6),
            Imports: Calls(Call("[static]blob.concat", Handle(4), Handle(5)))),
        new("the joined blob's bytes", Counters + "append-and-read", $"[{Handle(6)}, \"\", 100]", Bytes("4héllo world"),
            Imports: Calls(Call("[method]blob.write", Handle(6), Bytes("")), Call("[method]blob.read", Handle(6), "100"))),
        new("a blob the host made", Counters + "blob-size", $$"""[{"$host": "{{Store}}blob", "args": [{"$u8": [1, 2, 3]}]}]""", "3",
            Imports: Calls(Call("[method]blob.size", Handle(7)))),
        new("an own host resource dropped by the guest", Counters + "consume", $"[{Handle(6)}]", "13",
            Imports: Calls(Call("[method]blob.size", Handle(6)), Call("[resource-drop]blob", Handle(6)))),

        new("method wraps", Counters + "[method]counter.increment", $"[{Handle(1)}, {S64(long.MaxValue)}]", S64(unchecked(4 + long.MaxValue))),
    ];

    // Counter 2 was given up to absorb: the caller holds nothing to call it with any more.
    private static readonly OracleCase s_givenUp = new("a given-up counter", Counters + "[method]counter.get", $"[{Handle(2)}]");

    /// <summary>The oracle cases, in call order: what any host of this world must answer.</summary>
    internal static IReadOnlyList<OracleCase> Cases => s_cases;

    public static TheoryData<string> CaseNames => new(s_cases.Select(c => c.Name));

    private readonly Run _run;

    public ResourcesCrossCheckTests(Run run) => _run = run;

    [Fact]
    public void Jco_accepts_the_guest_core_names_and_signatures() => _run.AssertAccepted();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Jco_gives_the_answer_the_WIT_promises(string name) => _run.AssertCase(name);

    [Fact]
    public void Case_names_are_unique() =>
        Assert.Equal(s_cases.Length + 1, s_cases.Append(s_givenUp).Select(c => c.Name).Distinct().Count());

    [Fact]
    public void A_counter_given_up_as_own_cannot_be_used()
    {
        JsonObject call = _run.Reported(s_givenUp.Name);
        Assert.False(call.ContainsKey("result"), call.ToJsonString());
        Assert.Contains("Counter", call["trap"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(call["imports"]!.AsArray());
    }

    [Fact]
    public void Jco_refuses_the_guest_when_the_world_names_a_method_it_lacks()
    {
        string wit = File.ReadAllText(_run.Wit);
        const string from = "    get: func() -> s64;\n";
        Assert.Contains(from, wit, StringComparison.Ordinal);
        JsonObject report = _run.RunWithWit(wit.Replace(from, from + "    reset: func();\n", StringComparison.Ordinal), [s_cases[0]]);
        Assert.Equal("component", report["stage"]?.GetValue<string>());
        Assert.Contains("[method]counter.reset", report["message"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>All the cases, run once through jco on one instance, the host's blobs from blob-store.mjs.</summary>
    public sealed class Run : OracleRun
    {
        public Run()
            : base(
                JcoOracle.InRepo("tests", "guests", "resources.wasm"),
                JcoOracle.InRepo("wit", "resources.wit"),
                "resources",
                [],
                [.. s_cases, s_givenUp],
                host: JcoOracle.InRepo("tests", "crosscheck", "hosts", "blob-store.mjs"))
        {
        }
    }
}
