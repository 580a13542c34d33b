using System.Text.Json.Nodes;
using Example.Plugins;
using Example.Plugins.Host;
using WitHost.Samples.PluginHost;
using WitHost.Wamr;

namespace WitHost.Samples.Tests;

/// <summary>
/// Every plugin of samples/PluginHost through jco: jco must accept it as a component of the world
/// in wit/plugin.wit, and give the same answers and log calls as the generated host on WAMR.
/// </summary>
public sealed class PluginCrossCheckTests
{
    private const string LogImport = "example:plugins/host#log";

    private static readonly string s_guests = JcoOracle.InRepo("samples", "PluginHost", "guest");

    // The crash plugin traps on the last input; a trapped instance takes no more calls.
    private static readonly string[] s_inputs = ["Hello, WitHost", "", "ünïcode 🌍 words", "route 66"];

    private static readonly string[] s_files = [.. Directory.GetFiles(s_guests, "*.wasm").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Plugins => new(s_files);

    [Fact]
    public void All_five_plugins_are_checked()
    {
        Assert.Equal(["crash.wasm", "greedy.wasm", "rot13.wasm", "shout.wasm", "words.wasm"], s_files);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Jco_accepts_the_plugin_and_agrees_with_the_generated_host(string file)
    {
        string wasm = Path.Combine(s_guests, file);
        // A plugin that never logs does not import the log, and then neither does its component:
        // the runner is given only the imports the component has.
        bool logs = WamrEngine.Inspect(File.ReadAllBytes(wasm)).FunctionImports.Any(import => import.Module == "example:plugins/host");
        Assert.Equal(file is "shout.wasm" or "words.wasm", logs);
        JsonArray jco = JcoOracle.Run(new JsonObject
        {
            ["wasm"] = wasm,
            ["wit"] = JcoOracle.InRepo("wit", "plugin.wit"),
            ["world"] = "plugin",
            ["imports"] = logs ? new JsonObject { [LogImport] = new JsonObject() } : new JsonObject(),
            ["calls"] = new JsonArray([
                new JsonObject { ["export"] = "name", ["args"] = new JsonArray() },
                .. s_inputs.Select(input => new JsonObject { ["export"] = "transform", ["args"] = new JsonArray(input) }),
            ]),
        });
        List<JsonObject> witHost = RunWithWitHost(wasm);

        Assert.Equal(witHost.Count, jco.Count);
        for (int i = 0; i < witHost.Count; i++)
        {
            JsonObject expected = witHost[i], actual = jco[i]!.AsObject();
            string what = $"{file}: call {i} ({actual.ToJsonString()})";
            // Trap messages are each engine's own; that both trapped is what must agree.
            Assert.True(expected.ContainsKey("trap") == actual.ContainsKey("trap"), $"{what}: one side trapped, WitHost gave {expected.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(expected["result"], actual["result"]), $"{what}: WitHost's result was {expected["result"]?.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(expected["error"], actual["error"]), $"{what}: WitHost's error was {expected["error"]?.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(expected["imports"], actual["imports"]), $"{what}: WitHost's log calls were {expected["imports"]?.ToJsonString()}");
        }
    }

    // The same calls through the generated PluginWorld, reported in run-component.mjs's shape.
    // Without the sample's memory limit, since jco runs the component without one.
    private static List<JsonObject> RunWithWitHost(string wasm)
    {
        var log = new RecordingLog();
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(wasm);
        using var guest = PluginWorld.Instantiate(module, new PluginWorld.Imports { Host = log });
        var reports = new List<JsonObject> { new() { ["result"] = guest.Name(), ["imports"] = log.Take() } };
        foreach (string input in s_inputs)
        {
            var report = new JsonObject();
            try
            {
                Result<string, string> result = guest.Transform(input);
                report[result.IsOk ? "result" : "error"] = result.IsOk ? result.Value : result.Error;
            }
            catch (WasmTrapException e)
            {
                report["trap"] = e.TrapMessage;
            }
            report["imports"] = log.Take();
            reports.Add(report);
        }
        return reports;
    }

    private sealed class RecordingLog : IHost
    {
        private JsonArray _calls = [];

        public void Log(Level level, string message) =>
            _calls.Add(new JsonObject { ["import"] = LogImport, ["args"] = new JsonArray(level == Level.Warn ? "warn" : "info", message) });

        public JsonArray Take()
        {
            JsonArray calls = _calls;
            _calls = [];
            return calls;
        }
    }
}
