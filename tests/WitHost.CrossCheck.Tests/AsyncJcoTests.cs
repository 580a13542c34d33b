using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// Whether jco can be the oracle of the async guest (tests/guests/async.c). jco's encoder makes a
/// component of it (every test of tests/WitHost.Async.Tests runs on that component here), but
/// jco 1.35's transpiled JavaScript runs the async built-ins that may block (<c>waitable-set.wait</c>,
/// a blocking <c>subtask.cancel</c>) through JSPI (<c>WebAssembly.Suspending</c>), even with
/// <c>asyncMode: sync</c>, and the Node.js the project uses (20) has no JSPI. This test pins that:
/// the day jco runs the component, it fails, and the answers below become a cross-check.
/// </summary>
public sealed class AsyncJcoTests
{
    [Fact]
    public void Jco_cannot_yet_run_the_async_component_in_this_node()
    {
        var spec = new JsonObject
        {
            ["wasm"] = JcoOracle.InRepo("tests", "guests", "async.wasm"),
            ["wit"] = JcoOracle.InRepo("wit", "async.wit"),
            ["world"] = "async-guest",
            ["host"] = JcoOracle.InRepo("tests", "crosscheck", "hosts", "ledger.mjs"),
            ["imports"] = new JsonObject { ["example:concurrency/fetcher#fetch"] = new JsonObject { ["returns"] = 7 } },
            ["calls"] = new JsonArray(
                new JsonObject { ["export"] = "example:concurrency/jobs#yield-times", ["args"] = new JsonArray(3) },
                new JsonObject { ["export"] = "example:concurrency/jobs#fetch-sum", ["args"] = new JsonArray(4) }),
        };

        JsonObject report = JcoOracle.RunReport(spec);

        // WitHost's answers to these calls are 3 and 14 (CliCallAsyncTests, AsyncExportTests).
        Assert.False(report["ok"]?.GetValue<bool>() == true,
            $"jco now runs the async component ({report.ToJsonString()}): compare its answers with WitHost's (3 and 14) and turn this into a cross-check (docs/async.md).");
        Assert.Equal("instantiate", report["stage"]?.GetValue<string>());
        Assert.Contains("WebAssembly.Suspending", report["message"]?.GetValue<string>());
    }
}
