using System.Text;
using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The hello guest (tests/guests/hello.c), made into a component by jco from wit/hello.wit and run
/// in Node, must give the same answers and log the same messages as the same core module run by
/// WitHost.
/// </summary>
public sealed class HelloCrossCheckTests : IClassFixture<HelloCrossCheckTests.Runs>
{
    private static readonly string s_wasm = JcoOracle.InRepo("tests", "guests", "hello.wasm");
    private static readonly string s_wit = JcoOracle.InRepo("wit", "hello.wit");

    /// <summary>The calls both sides make, in this order, on one instance each.</summary>
    private static readonly (string Name, string Export, JsonArray Args)[] s_cases =
    [
        ("ascii", "greet", ["World"]),
        ("latin and punctuation", "greet", ["Grüße, Zoë — façade «ß»"]),
        ("emoji and joiners", "greet", ["👋 🌍 👨‍👩‍👧‍👦 🏳️‍🌈"]),
        ("empty", "greet", [""]),
        ("nul inside", "greet", ["a\0b"]),
        // Over 64 KiB of UTF-8: more than the guest's first free memory, so it grows memory.
        ("long", "greet", [LongString()]),
        ("small sum", "add", [40, 2]),
        ("negative", "add", [-5, 3]),
        ("overflow wraps", "add", [int.MaxValue, 1]),
        ("underflow wraps", "add", [int.MinValue, -1]),
        ("greet after add", "greet", ["again"]),
    ];

    public static TheoryData<string> CaseNames => new(s_cases.Select(c => c.Name));

    private readonly Runs _runs;

    public HelloCrossCheckTests(Runs runs) => _runs = runs;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Jco_and_WitHost_agree(string name)
    {
        int index = Array.FindIndex(s_cases, c => c.Name == name);
        JsonObject jco = _runs.Jco[index]!.AsObject();
        JsonObject witHost = _runs.WitHost[index];

        Assert.Equal(s_cases[index].Export, jco["export"]?.GetValue<string>());
        // Every input here is valid, so a trap on either side is a failure, even a shared one.
        Assert.Null(jco["trap"]);
        Assert.Null(witHost["trap"]);
        Assert.True(jco.ContainsKey("result"), $"jco reported no result: {jco.ToJsonString()}");
        Assert.True(
            JsonNode.DeepEquals(jco["result"], witHost["result"]),
            $"results differ{FirstDifference(jco["result"], witHost["result"])}\n  jco:     {Show(jco["result"])}\n  WitHost: {Show(witHost["result"])}");
        Assert.True(
            JsonNode.DeepEquals(jco["imports"], witHost["imports"]),
            $"import calls differ\n  jco:     {Show(jco["imports"])}\n  WitHost: {Show(witHost["imports"])}");
    }

    [Fact]
    public void Greet_logs_once_per_call_on_both_sides()
    {
        // The comparison above would pass if both sides lost the host calls alike; make sure the
        // log import really was called through jco's lifting.
        JsonArray imports = _runs.Jco[0]!["imports"]!.AsArray();
        JsonObject call = Assert.IsType<JsonObject>(Assert.Single(imports));
        Assert.Equal(HelloGuest.LogImport, call["import"]?.GetValue<string>());
        Assert.Equal("greet was called", call["args"]?[0]?.GetValue<string>());
    }

    [Fact]
    public void Jco_rejects_the_guest_against_a_world_with_other_core_signatures()
    {
        // The acceptance check has teeth: declare add over s64 and the guest's (i32, i32) export
        // no longer matches, so jco must refuse to make a component.
        string wit = File.ReadAllText(s_wit).Replace("add: func(a: s32, b: s32) -> s32", "add: func(a: s64, b: s32) -> s32", StringComparison.Ordinal);
        Assert.Contains("a: s64", wit, StringComparison.Ordinal);
        string path = Path.Combine(Directory.CreateTempSubdirectory("withost-crosscheck").FullName, "hello.wit");
        try
        {
            File.WriteAllText(path, wit);
            JsonObject report = JcoOracle.RunReport(Spec(path, [("add", [1, 2])]));
            Assert.False(report["ok"]?.GetValue<bool>());
            Assert.Equal("component", report["stage"]?.GetValue<string>());
            Assert.Contains("type mismatch for function `add`", report["message"]?.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private static JsonObject Spec(string wit, IEnumerable<(string Export, JsonArray Args)> calls) => new()
    {
        ["wasm"] = s_wasm,
        ["wit"] = wit,
        ["world"] = "hello",
        // The log import records its arguments and returns nothing.
        ["imports"] = new JsonObject { [HelloGuest.LogImport] = new JsonObject() },
        ["calls"] = new JsonArray([.. calls.Select(c => new JsonObject { ["export"] = c.Export, ["args"] = c.Args.DeepClone() })]),
    };

    private static string LongString()
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < 40_000; i++)
        {
            text.Append(i).Append(" ünïcödé 🌍 ");
        }
        return text.ToString();
    }

    // Long strings differ past what Show prints: name where they part.
    private static string FirstDifference(JsonNode? a, JsonNode? b)
    {
        if (a?.GetValueKind() != System.Text.Json.JsonValueKind.String || b?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return "";
        }
        string x = a.GetValue<string>(), y = b.GetValue<string>();
        int i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i])
        {
            i++;
        }
        return $" from char {i} (lengths {x.Length} and {y.Length})";
    }

    private static string Show(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
    }

    /// <summary>Both runs, made once for all the cases: one Node process, one WAMR instance.</summary>
    public sealed class Runs
    {
        public Runs()
        {
            Jco = JcoOracle.Run(Spec(s_wit, s_cases.Select(c => (c.Export, c.Args))));
            Assert.Equal(s_cases.Length, Jco.Count);
            using var guest = new HelloGuest(s_wasm);
            WitHost = [.. s_cases.Select(c => guest.Call(c.Export, c.Args))];
        }

        public JsonArray Jco { get; }

        public List<JsonObject> WitHost { get; }
    }
}
