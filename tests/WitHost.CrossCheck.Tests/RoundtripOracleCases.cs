using System.Globalization;
using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The round-trip world's oracle cases (wit/roundtrip.wit): the calls, arguments and answers jco
/// must give (RoundtripCrossCheckTests runs them through jco) and that WitHost's generated bindings
/// must give too (tests/WitHost.Bindings.Tests links this file and runs them through the generated
/// guest class). Kept apart from the jco test class so both projects share one table.
/// </summary>
internal static class RoundtripOracleCases
{
    internal const string Echoes = "example:roundtrip/echoes#";
    internal const string Host = "example:roundtrip/host#";

    private const string Ann = """{"name": "Ann", "age": 42, "emails": ["ann@example.org", "a@ü.example"], "address": {"street": "Main 1", "city": "Zürich", "zip": 8000}}""";
    // No address, no emails: the option is left out, the list empty.
    private const string Bob = """{"name": "Bob", "age": 7, "emails": []}""";
    // An address without a zip: a none inside a some.
    private const string Cy = """{"name": "Cy 🌍", "age": 255, "emails": [""], "address": {"street": "", "city": "Oslo"}}""";

    // The fixed answer of host.many-params (a tuple<u64, string, list<u8>>).
    internal const string ManyParamsAnswer = """[{"$bigint": "12345678901234567890"}, "from the host", {"$u8": [1, 2, 255]}]""";

    /// <summary>Each echo: the host gets <c>arg</c>, returns it, and the caller gets it back.</summary>
    private static OracleCase Echo(string name, string function, string arg) =>
        new(name, Echoes + function, $"[{arg}]", arg, Imports: $"[[\"{Host}{function}\", {arg}]]");

    /// <summary>An echo of a function whose whole result is a result: ok comes back plain, err as the error.</summary>
    private static OracleCase EchoResult(string name, string function, string arg, string? ok = null, string? err = null) =>
        new(name, Echoes + function, $"[{arg}]", ok, err, Imports: $"[[\"{Host}{function}\", {arg}]]");

    /// <summary>The host answers <paramref name="answer"/> whatever it got: the guest must return the host's value, not its own.</summary>
    private static OracleCase HostAnswers(string name, string function, string arg, string answer) =>
        new(name, Echoes + function, $"[{arg}]", answer, Imports: $"[[\"{Host}{function}\", {arg}]]",
            Behaviours: $$$"""{"{{{Host}}}{{{function}}}": {"returns": {{{answer}}}}}""");

    /// <summary>The oracle cases, in call order: what any host of this world must answer.</summary>
    internal static readonly IReadOnlyList<OracleCase> All =
    [
        Echo("bool true", "echo-bool", "true"),
        Echo("bool false", "echo-bool", "false"),
        Echo("u8 max", "echo-u8", "255"),
        Echo("s8 min", "echo-s8", "-128"),
        Echo("s8 max", "echo-s8", "127"),
        Echo("u16 max", "echo-u16", "65535"),
        Echo("s16 min", "echo-s16", "-32768"),
        Echo("u32 max", "echo-u32", "4294967295"),
        Echo("s32 min", "echo-s32", "-2147483648"),
        Echo("u64 max", "echo-u64", """{"$bigint": "18446744073709551615"}"""),
        Echo("u64 past 2^53", "echo-u64", """{"$bigint": "9007199254740993"}"""),
        Echo("s64 min", "echo-s64", """{"$bigint": "-9223372036854775808"}"""),
        Echo("f32 exact", "echo-f32", "-1.5"),
        Echo("f32 nearest to 0.1", "echo-f32", Number((double)0.1f)),
        Echo("f32 infinity", "echo-f32", """{"$float": "-Infinity"}"""),
        Echo("f64 pi", "echo-f64", Number(Math.PI)),
        Echo("f64 negative zero", "echo-f64", """{"$float": "-0"}"""),
        Echo("f64 smallest subnormal", "echo-f64", Number(double.Epsilon)),
        Echo("char ascii", "echo-char", "\"a\""),
        Echo("char two bytes", "echo-char", "\"é\""),
        Echo("char astral", "echo-char", "\"🌍\""),
        Echo("char max", "echo-char", "\"\\uDBFF\\uDFFF\""),
        Echo("string", "echo-string", "\"héllo wörld 🌍\""),
        Echo("string empty", "echo-string", "\"\""),

        Echo("point", "echo-point", """{"x": -1, "y": 2147483647}"""),
        Echo("person full", "echo-person", Ann),
        Echo("person without address", "echo-person", Bob),
        Echo("person address without zip", "echo-person", Cy),
        Echo("team (record over 16 flat values)", "echo-team",
            $$"""{"name": "Core", "lead": {{Ann}}, "members": [{{Bob}}, {{Cy}}], "scores": [{"$u32": [1, 4294967295]}, {"$u32": []}, {"$u32": [7]}]}"""),
        Echo("team empty lists", "echo-team", $$"""{"name": "", "lead": {{Bob}}, "members": [], "scores": []}"""),

        Echo("enum first", "echo-level", "\"low\""),
        Echo("enum last", "echo-level", "\"high\""),
        Echo("flags none", "echo-permissions", """{"read": false, "write": false, "execute": false}"""),
        Echo("flags some", "echo-permissions", """{"read": true, "write": false, "execute": true}"""),
        Echo("32 flags, none", "echo-many", ManyFlags()),
        Echo("32 flags, ends and bit 31", "echo-many", ManyFlags(0, 7, 8, 15, 16, 30, 31)),
        Echo("32 flags, all", "echo-many", ManyFlags([.. Enumerable.Range(0, 32)])),

        // y is in the slot shared with an f64, an i64; here non-negative (see the jco deviation below).
        Echo("variant record payload", "echo-event", """{"tag": "moved", "val": {"x": -5, "y": 7}}"""),
        Echo("variant string payload", "echo-event", """{"tag": "said", "val": "hi 🌍"}"""),
        Echo("variant tuple payload with f64", "echo-event", """{"tag": "scored", "val": [3, -2.5]}"""),
        Echo("variant no payload", "echo-event", """{"tag": "idle"}"""),

        Echo("option string some", "echo-option-string", "\"x\""),
        Echo("option string some empty", "echo-option-string", "\"\""),
        Echo("option string none", "echo-option-string", "null"),
        Echo("option point some", "echo-option-point", """{"x": 1, "y": -2}"""),
        Echo("option point none", "echo-option-point", "null"),

        EchoResult("result ok", "echo-result", """{"tag": "ok"}""", ok: "null"),
        EchoResult("result err", "echo-result", """{"tag": "err"}""", err: "null"),
        EchoResult("result<u32> ok", "echo-result-ok", """{"tag": "ok", "val": 4294967295}""", ok: "4294967295"),
        EchoResult("result<u32> err", "echo-result-ok", """{"tag": "err"}""", err: "null"),
        EchoResult("result<_, string> ok", "echo-result-err", """{"tag": "ok"}""", ok: "null"),
        EchoResult("result<_, string> err", "echo-result-err", """{"tag": "err", "val": "bad ünïcode"}""", err: "\"bad ünïcode\""),
        EchoResult("result<string, level> ok", "echo-result-both", """{"tag": "ok", "val": "yes"}""", ok: "\"yes\""),
        EchoResult("result<string, level> err", "echo-result-both", """{"tag": "err", "val": "medium"}""", err: "\"medium\""),

        Echo("tuple", "echo-tuple", """[255, "seven", 7.25]"""),
        Echo("list u8", "echo-list-u8", """{"$u8": [0, 1, 127, 128, 255]}"""),
        Echo("list u8 empty", "echo-list-u8", """{"$u8": []}"""),
        Echo("list string", "echo-list-string", """["a", "", "ç", "🌍🌍"]"""),
        Echo("list of records of strings", "echo-list-person", $"[{Ann}, {Bob}, {Cy}]"),
        Echo("list of lists", "echo-list-list", """[{"$u32": [1]}, {"$u32": []}, {"$u32": [2, 3, 4294967295]}]"""),
        Echo("list of lists empty", "echo-list-list", "[]"),

        // Float bits through the host (non-NaN values come back bit for bit; NaNs below).
        new("f32 bits negative zero", Echoes + "echo-f32-bits", "[2147483648]", "2147483648", Imports: $$"""[["{{Host}}echo-f32", {"$float": "-0"}]]"""),
        new("f32 bits smallest subnormal", Echoes + "echo-f32-bits", "[1]", "1", Imports: $"[[\"{Host}echo-f32\", {Number(float.Epsilon)}]]"),
        new("f32 bits infinity", Echoes + "echo-f32-bits", "[2139095040]", "2139095040", Imports: $$"""[["{{Host}}echo-f32", {"$float": "Infinity"}]]"""),
        new("f64 bits negative zero", Echoes + "echo-f64-bits", """[{"$bigint": "9223372036854775808"}]""", """{"$bigint": "9223372036854775808"}""",
            Imports: $$"""[["{{Host}}echo-f64", {"$float": "-0"}]]"""),
        new("f64 bits of 1.1", Echoes + "echo-f64-bits", "[" + BigInt(Bits(1.1)) + "]", BigInt(Bits(1.1)),
            Imports: $"[[\"{Host}echo-f64\", 1.1]]"),

        // The guest returns the host's answer, not its own argument.
        HostAnswers("host answers another string", "echo-string", "\"mine\"", "\"the host's\""),
        HostAnswers("host answers another u64", "echo-u64", """{"$bigint": "1"}""", """{"$bigint": "18446744073709551615"}"""),
        HostAnswers("host answers another person", "echo-person", Bob, Ann),
        HostAnswers("host answers another variant case", "echo-event", """{"tag": "idle"}""", """{"tag": "said", "val": "busy"}"""),
        HostAnswers("host answers another list", "echo-list-string", """["a"]""", """["b", "c"]"""),
        new("host answers err to an ok", Echoes + "echo-result-both", """[{"tag": "ok", "val": "yes"}]""", Error: "\"low\"",
            Imports: $$"""[["{{Host}}echo-result-both", {"tag": "ok", "val": "yes"}]]""",
            Behaviours: $$$"""{"{{{Host}}}echo-result-both": {"throws": "low"}}"""),

        // Seventeen parameters (20 flat values) into the export and on into the import; the
        // tuple result comes back through return areas both ways.
        new("many params", Echoes + "many-params", ManyParamsArgs, ManyParamsAnswer, Imports: $"[[\"{Host}many-params\", {ManyParamsArgs[1..^1]}]]"),
    ];

    internal const string ManyParamsArgs =
        """[255, -128, 65535, -32768, 4294967295, -2147483648, {"$bigint": "18446744073709551615"}, {"$bigint": "-9223372036854775808"}, 9.5, 10.25, true, "é", "thirteen", {"x": 14, "y": -14}, "medium", {"read": false, "write": true, "execute": false}, 17]""";

    // flags many as jco gives it: every one of the 32 flags named, the given ones true.
    private static string ManyFlags(params int[] set)
    {
        var flags = new JsonObject();
        for (int i = 0; i < 32; i++)
        {
            flags[$"bit{i}"] = set.Contains(i);
        }
        return flags.ToJsonString();
    }

    // The shortest text that reads back as the same double, as JSON writes numbers.
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string BigInt(string digits) => new JsonObject { ["$bigint"] = digits }.ToJsonString();

    private static string Bits(double value) => BitConverter.DoubleToUInt64Bits(value).ToString(CultureInfo.InvariantCulture);
}
