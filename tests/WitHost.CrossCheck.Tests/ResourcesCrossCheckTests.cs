using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The resources world (wit/resources.wit, guest tests/guests/resources.c) through jco: the cases
/// of <see cref="ResourcesOracleCases"/>, run in order on one instance, and the uses jco must refuse.
/// </summary>
public sealed class ResourcesCrossCheckTests : IClassFixture<ResourcesCrossCheckTests.Run>
{
    public static TheoryData<string> CaseNames => new(ResourcesOracleCases.All.Select(c => c.Name));

    private readonly Run _run;

    public ResourcesCrossCheckTests(Run run) => _run = run;

    [Fact]
    public void Jco_accepts_the_guest_core_names_and_signatures() => _run.AssertAccepted();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Jco_gives_the_answer_the_WIT_promises(string name) => _run.AssertCase(name);

    [Fact]
    public void Case_names_are_unique() =>
        Assert.Equal(ResourcesOracleCases.All.Count + 2, ResourcesOracleCases.All.Append(ResourcesOracleCases.GivenUp).Append(ResourcesOracleCases.Forged).Select(c => c.Name).Distinct().Count());

    [Fact]
    public void A_counter_given_up_as_own_cannot_be_used()
    {
        JsonObject call = _run.Reported(ResourcesOracleCases.GivenUp.Name);
        Assert.False(call.ContainsKey("result"), call.ToJsonString());
        Assert.Contains("Counter", call["trap"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(call["imports"]!.AsArray());
    }

    // The spec's lift_own removes the handle from the guest's table, which traps on an index the
    // guest never made; jco 1.35 skips that check and hands out a resource object. WitHost's
    // bindings trap (GuestResourceBindingsTests), so on this case the oracle is not the reference:
    // this test records the difference, and fails once jco checks the handle.
    [Fact]
    public void Jco_lifts_a_handle_the_guest_never_made_without_the_check_the_spec_asks_for()
    {
        JsonObject call = _run.Reported(ResourcesOracleCases.Forged.Name);
        Assert.Null(call["trap"]);
        Assert.True(call.ContainsKey("result"), call.ToJsonString());
    }

    [Fact]
    public void Jco_refuses_the_guest_when_the_world_names_a_method_it_lacks()
    {
        string wit = File.ReadAllText(_run.Wit);
        const string from = "    get: func() -> s64;\n";
        Assert.Contains(from, wit, StringComparison.Ordinal);
        JsonObject report = _run.RunWithWit(wit.Replace(from, from + "    reset: func();\n", StringComparison.Ordinal), [ResourcesOracleCases.All[0]]);
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
                [.. ResourcesOracleCases.All, ResourcesOracleCases.GivenUp, ResourcesOracleCases.Forged],
                host: JcoOracle.InRepo("tests", "crosscheck", "hosts", "blob-store.mjs"))
        {
        }
    }
}
