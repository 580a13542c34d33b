using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// A world's guest run once through jco with every case of its test class, in order, on one
/// instance; the test class checks each reported call against its <see cref="OracleCase"/>.
/// </summary>
public abstract class OracleRun
{
    private readonly Dictionary<string, (OracleCase Case, JsonObject Report)> _calls = [];

    protected OracleRun(string wasm, string wit, string world, JsonObject imports, IReadOnlyList<OracleCase> cases, string? host = null, string? stringEncoding = null)
    {
        Wasm = wasm;
        Wit = wit;
        World = world;
        Imports = imports;
        Host = host;
        StringEncoding = stringEncoding;
        Report = JcoOracle.RunReport(Spec(wit, cases));
        JsonArray calls = Report["ok"]?.GetValue<bool>() == true
            ? Report["calls"]!.AsArray()
            : [];
        for (int i = 0; i < calls.Count; i++)
        {
            _calls.Add(cases[i].Name, (cases[i], calls[i]!.AsObject()));
        }
    }

    public string Wasm { get; }

    public string Wit { get; }

    public string World { get; }

    /// <summary>The import behaviours of the spec (see tests/crosscheck/README.md).</summary>
    public JsonObject Imports { get; }

    /// <summary>The spec's host module (resources the host implements), or null.</summary>
    public string? Host { get; }

    /// <summary>The guest's string encoding as jco names it (<c>utf16</c>, <c>compact-utf16</c>), or null for UTF-8.</summary>
    public string? StringEncoding { get; }

    /// <summary>run-component.mjs's whole report: <c>ok</c> is false when jco refused the guest.</summary>
    public JsonObject Report { get; }

    /// <summary>A spec for this guest against <paramref name="wit"/> (another file, for rejection tests).</summary>
    public JsonObject Spec(string wit, IEnumerable<OracleCase> cases)
    {
        var spec = new JsonObject
        {
            ["wasm"] = Wasm,
            ["wit"] = wit,
            ["world"] = World,
            ["imports"] = Imports.DeepClone(),
            ["calls"] = new JsonArray([.. cases.Select(c => (JsonNode)c.ToCall())]),
        };
        if (Host is not null)
        {
            spec["host"] = Host;
        }
        if (StringEncoding is not null)
        {
            spec["stringEncoding"] = StringEncoding;
        }
        return spec;
    }

    /// <summary>Asserts jco made a component of the guest: its core names and signatures match the WIT.</summary>
    public void AssertAccepted() =>
        Assert.True(Report["ok"]?.GetValue<bool>() == true, $"jco refused the guest at stage '{Report["stage"]}': {Report["message"]}");

    /// <summary>What run-component.mjs reported for the case's call.</summary>
    public JsonObject Reported(string name)
    {
        AssertAccepted();
        return _calls[name].Report;
    }

    /// <summary>Asserts the case's call returned what the case expects and made the expected import calls.</summary>
    public void AssertCase(string name)
    {
        AssertAccepted();
        (OracleCase expected, JsonObject actual) = _calls[name];
        Assert.Equal(expected.Export, actual["export"]?.GetValue<string>());
        Assert.Null(actual["trap"]);
        if (expected.Error is null)
        {
            Assert.True(actual.ContainsKey("result"), $"expected a result, got {actual.ToJsonString()}");
            AssertJson(JsonNode.Parse(expected.Result ?? "null"), actual["result"], "result");
        }
        else
        {
            Assert.True(actual.ContainsKey("error"), $"expected err({expected.Error}), got {actual.ToJsonString()}");
            AssertJson(JsonNode.Parse(expected.Error), actual["error"], "err payload");
        }
        AssertJson(expected.ExpectedImports(), actual["imports"], "import calls");
    }

    /// <summary>Runs <paramref name="cases"/> on a guest made with another WIT file, for tests that expect jco to refuse it.</summary>
    public JsonObject RunWithWit(string witText, IEnumerable<OracleCase> cases)
    {
        string directory = Directory.CreateTempSubdirectory("withost-crosscheck").FullName;
        try
        {
            string path = Path.Combine(directory, Path.GetFileName(Wit));
            File.WriteAllText(path, witText);
            return JcoOracle.RunReport(Spec(path, cases));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void AssertJson(JsonNode? expected, JsonNode? actual, string what) =>
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"{what} differs\n  expected: {expected?.ToJsonString() ?? "null"}\n  jco:      {actual?.ToJsonString() ?? "null"}");
}
