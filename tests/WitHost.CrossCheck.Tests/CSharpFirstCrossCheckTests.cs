using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The C#-first guest (tests/guests/csharp-first.c) against wit/csharp-first.wit, the WIT the
/// generator derives from tests/WitHost.Bindings.Tests/CSharpFirstContracts.cs (a bindings test
/// keeps the two equal). jco accepting the component proves the derived WIT is WIT that
/// independent tooling takes, and that the guest's core names and signatures match it; its
/// answers are the ones CSharpFirstBindingsTests gets through the generated bindings.
/// </summary>
public sealed class CSharpFirstCrossCheckTests : IClassFixture<CSharpFirstCrossCheckTests.JcoRun>
{
    private const string Geometry = "example:csharp-first/geometry#";
    private const string Journal = "example:csharp-first/journal#";

    /// <summary>The calls, in order on one instance, with what jco must report.</summary>
    private static readonly (string Name, string Function, JsonArray Args, string Outcome, JsonNode? Expected, JsonArray Imports)[] s_cases =
    [
        ("s32", "add", [40, 2], "result", 42, []),
        ("record struct", "translate", [new JsonObject { ["x"] = 1, ["y"] = 2 }, 10, -20], "result", new JsonObject { ["x"] = 11, ["y"] = -18 }, []),
        ("list of s32", "sum", [new JsonArray(2_000_000_000, 2_000_000_000, 2_000_000_000)], "result", new JsonObject { ["$bigint"] = "6000000000" }, []),
        ("result ok", "divide", [7, 2], "result", 3, []),
        ("result err", "divide", [7, 0], "error", "division by zero", []),
        ("list of strings", "split", ["grüße an alle"], "result", new JsonArray("grüße", "an", "alle"), []),
        ("option some", "index-of", [new JsonArray("a", "b", "c", "b"), "b"], "result", 1, []),
        ("option none", "index-of", [new JsonArray("a"), "z"], "result", null, []),
        ("flags", "mirror", [new JsonObject { ["x"] = true, ["y"] = false }], "result", new JsonObject { ["x"] = false, ["y"] = true }, []),
        ("variant", "area", [new JsonObject { ["tag"] = "rectangle", ["val"] = new JsonObject { ["width"] = 2, ["height"] = 3 } }], "result", 6, []),
        ("char", "first-char", ["🌍 world"], "result", "🌍", []),
        ("tuple", "swap", [new JsonArray("zoë", 7)], "result", new JsonArray(7, "zoë"), []),
        ("keyword name and import of a record", "record", ["warning", "disk almost full"], "result", new JsonObject { ["$bigint"] = "7" },
            [
                new JsonObject { ["import"] = Journal + "write", ["args"] = new JsonArray(new JsonObject { ["level"] = "warning", ["message"] = "disk almost full", ["tags"] = new JsonArray("guest") }) },
                new JsonObject { ["import"] = Journal + "next-id", ["args"] = new JsonArray() },
            ]),
        ("import returning an option", "greet", ["name"], "result", "Hello, Zoë 🌍!",
            [new JsonObject { ["import"] = Journal + "lookup", ["args"] = new JsonArray("name") }]),
    ];

    private readonly JcoRun _run;

    public CSharpFirstCrossCheckTests(JcoRun run) => _run = run;

    public static TheoryData<string> CaseNames => new(s_cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Jco_gives_the_answers_the_csharp_contract_promises(string name)
    {
        var index = Array.FindIndex(s_cases, c => c.Name == name);
        var expected = s_cases[index];
        var call = _run.Calls[index]!.AsObject();
        Assert.Equal(Geometry + expected.Function, call["export"]?.GetValue<string>());
        Assert.Null(call["trap"]);
        Assert.True(call.ContainsKey(expected.Outcome), $"jco reported no {expected.Outcome}: {call.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(expected.Expected, call[expected.Outcome]), $"expected {expected.Expected?.ToJsonString() ?? "null"}, jco gave {call.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(expected.Imports, call["imports"]), $"expected imports {expected.Imports.ToJsonString()}, jco gave {call["imports"]?.ToJsonString()}");
    }

    /// <summary>One jco run of every case: the component is made once, from the committed derived WIT.</summary>
    public sealed class JcoRun
    {
        public JcoRun()
        {
            var spec = new JsonObject
            {
                ["wasm"] = JcoOracle.InRepo("tests", "guests", "csharp-first.wasm"),
                ["wit"] = JcoOracle.InRepo("wit", "csharp-first.wit"),
                ["world"] = "c-sharp-first-host",
                ["imports"] = new JsonObject
                {
                    [Journal + "write"] = new JsonObject(),
                    [Journal + "next-id"] = new JsonObject { ["returns"] = new JsonObject { ["$bigint"] = "7" } },
                    [Journal + "lookup"] = new JsonObject { ["returns"] = "Zoë 🌍" },
                },
                ["calls"] = new JsonArray([.. s_cases.Select(c => new JsonObject { ["export"] = Geometry + c.Function, ["args"] = c.Args.DeepClone() })]),
            };
            Calls = JcoOracle.Run(spec);
            Assert.Equal(s_cases.Length, Calls.Count);
        }

        public JsonArray Calls { get; }
    }
}
