using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The string-encoding guests (wit/encodings.wit) through jco, embedded with the encoding their
/// glue speaks. The utf16 guest (tests/guests/encodings-utf16.c) runs every oracle case of
/// <see cref="EncodingsOracleCases"/>; WitHost's generated hosts answer the same table in
/// tests/WitHost.Bindings.Tests (EncodingsOracleAgreementTests).
/// </summary>
/// <remarks>
/// The latin1+utf16 guest (tests/guests/encodings-latin1.c) is only checked for acceptance: jco
/// 1.35.0's componentEmbed and componentNew make a component of it with
/// <c>string-encoding=latin1+utf16</c> (so its core names and signatures match the world), but
/// its transpile cannot run one: js-component-bindgen's function_bindgen.rs asserts that a
/// string's encoding is UTF-8 or UTF-16 and panics on latin1+utf16. Its answers are checked
/// against the same oracle table on WitHost's side only.
/// </remarks>
public sealed class EncodingsCrossCheckTests : IClassFixture<EncodingsCrossCheckTests.Run>
{
    private static readonly string s_latin1Wasm = JcoOracle.InRepo("tests", "guests", "encodings-latin1.wasm");

    private readonly Run _run;

    public EncodingsCrossCheckTests(Run run) => _run = run;

    public static TheoryData<string> CaseNames => new(EncodingsOracleCases.All.Select(c => c.Name));

    [Fact]
    public void Jco_accepts_the_utf16_guest() => _run.AssertAccepted();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Jco_gives_the_utf16_guest_the_answer_the_WIT_promises(string name) => _run.AssertCase(name);

    [Fact]
    public void Case_names_are_unique() =>
        Assert.Equal(EncodingsOracleCases.All.Count, EncodingsOracleCases.All.Select(c => c.Name).Distinct().Count());

    [Fact]
    public void Jco_makes_a_component_of_the_latin1_guest_but_cannot_transpile_it()
    {
        JsonObject latin1 = JcoOracle.RunReport(Latin1GuestSpec("compact-utf16"));

        // Past "embed" and "component": jco accepted the guest's core names and signatures. The
        // transpile traps in js-component-bindgen (its panic, on stderr, is the assertion
        // `matches!(self.encoding, StringEncoding::UTF8 | StringEncoding::UTF16)`); when a jco
        // release lifts that limit, this test fails and the guest should run the oracle cases.
        Assert.Equal("transpile", latin1["stage"]?.GetValue<string>());
        Assert.Contains("unreachable", latin1["message"]?.GetValue<string>(), StringComparison.Ordinal);

        // The same module declared utf16 (its core signatures are the same) transpiles: the
        // encoding alone is what jco cannot run.
        JsonObject utf16 = JcoOracle.RunReport(Latin1GuestSpec("utf16"));
        Assert.True(utf16["ok"]?.GetValue<bool>(), $"jco failed at stage '{utf16["stage"]}': {utf16["message"]}");
    }

    private JsonObject Latin1GuestSpec(string stringEncoding) => new()
    {
        ["wasm"] = s_latin1Wasm,
        ["wit"] = _run.Wit,
        ["world"] = _run.World,
        ["stringEncoding"] = stringEncoding,
        ["imports"] = _run.Imports.DeepClone(),
        ["calls"] = new JsonArray(),
    };

    /// <summary>The utf16 guest run through jco once, with every case in order; host-echo echoes unless a case says otherwise.</summary>
    public sealed class Run() : OracleRun(
        JcoOracle.InRepo("tests", "guests", "encodings-utf16.wasm"),
        JcoOracle.InRepo("wit", "encodings.wit"),
        "encodings",
        new JsonObject { [EncodingsOracleCases.HostEcho] = new JsonObject { ["echo"] = true } },
        EncodingsOracleCases.All,
        stringEncoding: "utf16");
}
