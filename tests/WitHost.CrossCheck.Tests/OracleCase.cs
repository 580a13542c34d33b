using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// One call of a guest export and the answer the WIT's semantics promise for it, written as
/// JSON in run-component.mjs's value mapping (tests/crosscheck/README.md). These are the oracle
/// answers: jco must give them now, and WitHost's generated bindings must give them later.
/// </summary>
/// <param name="Name">Names the case in the test output; unique within a world.</param>
/// <param name="Export">The export, as run-component.mjs names it (<c>iface#fn</c> or a world-level name).</param>
/// <param name="Args">The arguments, a JSON array.</param>
/// <param name="Result">The expected result (JSON), or null when the call must return <c>err</c>.</param>
/// <param name="Error">The expected <c>err</c> payload (JSON) of a top-level result, or null.</param>
/// <param name="Imports">
/// The import calls the guest must make, in order: a JSON array of <c>["iface#fn", arg, …]</c>.
/// </param>
/// <param name="Behaviours">
/// Import behaviours for this call only (a JSON object, see tests/crosscheck/README.md), or null.
/// </param>
public sealed record OracleCase(string Name, string Export, string Args, string? Result = null, string? Error = null, string Imports = "[]", string? Behaviours = null)
{
    /// <summary>The call as run-component.mjs takes it.</summary>
    public JsonObject ToCall()
    {
        var call = new JsonObject { ["export"] = Export, ["args"] = JsonNode.Parse(Args) };
        if (Behaviours is not null)
        {
            call["behaviours"] = JsonNode.Parse(Behaviours);
        }
        return call;
    }

    /// <summary>The import calls in the report's shape: <c>{"import": …, "args": […]}</c>.</summary>
    public JsonArray ExpectedImports() => new([.. JsonNode.Parse(Imports)!.AsArray().Select(call =>
    {
        JsonArray items = call!.AsArray();
        return (JsonNode)new JsonObject
        {
            ["import"] = items[0]!.GetValue<string>(),
            ["args"] = new JsonArray([.. items.Skip(1).Select(item => item?.DeepClone())]),
        };
    })]);
}
