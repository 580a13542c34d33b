using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The sample world's oracle cases (wit/sample.wit): the calls, arguments and answers jco must
/// give (SampleCrossCheckTests runs them through jco) and that WitHost's generated bindings must
/// give too (tests/WitHost.Bindings.Tests links this file and runs them through the generated
/// guest class). Kept apart from the jco test class so both projects share one table.
/// </summary>
internal static class SampleOracleCases
{
    internal const string Booleans = "example:sample/booleans#";
    internal const string Floats = "example:sample/floats#";
    internal const string Integers = "example:sample/integers#";
    internal const string Strings = "example:sample/strings#";
    internal const string Tuples = "example:sample/tuples#";
    internal const string Lists = "example:sample/lists#";
    internal const string Enums = "example:sample/enums#";
    internal const string Variants = "example:sample/variants#";
    internal const string Options = "example:sample/options#";
    internal const string Results = "example:sample/results#";
    internal const string LogU32Import = "example:sample/logging#log-u32";
    internal const string LogStrImport = "example:sample/logging#log-str";
    // A world-level import: no interface, just the function's name.
    internal const string HostNameImport = "host-name";

    // Over 64 KiB of UTF-8, so the guest grows its memory while reversing it.
    private static readonly string s_long = string.Concat(Enumerable.Range(0, 4000).Select(i => $"{i}:ünï🌍 "));

    /// <summary>The oracle cases, in call order: what any host of this world must answer.</summary>
    internal static readonly IReadOnlyList<OracleCase> All =
    [
        new("and true false", Booleans + "and", "[true, false]", "false"),
        new("and true true", Booleans + "and", "[true, true]", "true"),
        new("or false false", Booleans + "or", "[false, false]", "false"),
        new("or false true", Booleans + "or", "[false, true]", "true"),
        new("xor true true", Booleans + "xor", "[true, true]", "false"),
        new("xor true false", Booleans + "xor", "[true, false]", "true"),
        new("not false", Booleans + "not", "[false]", "true"),

        new("add-f32 exact", Floats + "add-f32", "[1.5, 2.25]", "3.75"),
        // f32 arithmetic, not f64: 1.1f + 2.2f rounds to an f32, printed as the double it is.
        new("add-f32 rounds to f32", Floats + "add-f32", "[1.1, 2.2]", Number((double)(1.1f + 2.2f))),
        new("mul-f32", Floats + "mul-f32", "[-2.5, 4]", "-10"),
        new("add-f64", Floats + "add-f64", "[0.1, 0.2]", Number(0.1 + 0.2)),
        new("add-f64 negative zeros", Floats + "add-f64", """[{"$float": "-0"}, {"$float": "-0"}]""", """{"$float": "-0"}"""),
        new("div-f64 by zero", Floats + "div-f64", "[1, 0]", """{"$float": "Infinity"}"""),
        new("div-f64 negative by zero", Floats + "div-f64", "[-1, 0]", """{"$float": "-Infinity"}"""),
        new("div-f64 zero by zero", Floats + "div-f64", "[0, 0]", """{"$float": "NaN"}"""),

        new("add-u8", Integers + "add-u8", "[100, 27]", "127"),
        new("add-u8 wraps", Integers + "add-u8", "[255, 2]", "1"),
        new("add-s8 wraps", Integers + "add-s8", "[127, 1]", "-128"),
        new("add-s8 wraps below", Integers + "add-s8", "[-100, -50]", "106"),
        new("add-u16 wraps", Integers + "add-u16", "[65535, 1]", "0"),
        new("sub-s16 wraps", Integers + "sub-s16", "[-32768, 1]", "32767"),
        new("mul-u32", Integers + "mul-u32", "[3, 5]", "15"),
        new("mul-u32 wraps", Integers + "mul-u32", "[65536, 65537]", "65536"),
        new("add-s32 wraps", Integers + "add-s32", "[2147483647, 1]", "-2147483648"),
        new("add-u64 past 2^53", Integers + "add-u64", """[{"$bigint": "9007199254740993"}, {"$bigint": "2"}]""", """{"$bigint": "9007199254740995"}"""),
        new("add-u64 wraps", Integers + "add-u64", """[{"$bigint": "18446744073709551615"}, {"$bigint": "2"}]""", """{"$bigint": "1"}"""),
        new("neg-s64", Integers + "neg-s64", """[{"$bigint": "5"}]""", """{"$bigint": "-5"}"""),
        new("neg-s64 of the minimum", Integers + "neg-s64", """[{"$bigint": "-9223372036854775808"}]""", """{"$bigint": "-9223372036854775808"}"""),

        new("reverse by scalars", Strings + "reverse", """["héllo🌍"]""", """["🌍olléh"]"""[1..^1]),
        new("reverse empty", Strings + "reverse", """[""]""", "\"\""),
        new("reverse long", Strings + "reverse", Json(new JsonArray(s_long)), Json(JsonValue.Create(ReverseScalars(s_long)))),
        new("to-upper ascii only", Strings + "to-upper", """["Hello, wörld!"]""", "\"HELLO, WöRLD!\""),
        new("len in scalars", Strings + "len", """["héllo🌍"]""", "6", Imports: Calls(Call(LogU32Import, 6, "len: "))),
        new("len empty", Strings + "len", """[""]""", "0", Imports: Calls(Call(LogU32Import, 0, "len: "))),
        new("concat17 (17 strings, params in memory)", Strings + "concat17",
            """["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q"]""", "\"abcdefghijklmnopq\""),
        new("concat17 with empty and unicode", Strings + "concat17",
            """["é","","🌍","","","","","","","","","","","","","","z"]""", "\"é🌍z\""),

        new("swap", Tuples + "swap", """[[7, "seven"]]""", """["seven", 7]""", Imports: Calls(Call(LogStrImport, "seven"))),
        new("split-at a scalar", Tuples + "split-at", """["héllo🌍", 5]""", """["héllo", "🌍"]"""),
        new("split-at past the end", Tuples + "split-at", """["abc", 10]""", """["abc", ""]"""),

        new("areas", Lists + "areas", """[[{"tag": "circle", "val": 1}, {"tag": "rectangle", "val": [2, 3.5]}, {"tag": "dot"}]]""",
            $$"""{"$f64": [{{Number(Math.PI)}}, 7, 0]}"""),
        new("areas of none", Lists + "areas", "[[]]", """{"$f64": []}"""),
        new("circles", Lists + "circles", """[[{"tag": "dot"}, {"tag": "circle", "val": 1.5}, {"tag": "rectangle", "val": [2, 3]}, {"tag": "circle", "val": 0.25}]]""",
            """[{"tag": "circle", "val": 1.5}, {"tag": "circle", "val": 0.25}]"""),
        new("sum past u32", Lists + "sum", """[{"$u32": [1, 2, 4294967295]}]""", """{"$bigint": "4294967298"}"""),
        new("sum of none", Lists + "sum", """[{"$u32": []}]""", """{"$bigint": "0"}"""),
        new("words", Lists + "words", """["a bc d"]""", """["a", "bc", "d"]"""),
        new("words of empty", Lists + "words", """[""]""", """[""]"""),
        new("words with leading space", Lists + "words", """[" ü"]""", """["", "ü"]"""),

        new("next red", Enums + "next", """["red"]""", "\"green\""),
        new("next blue wraps", Enums + "next", """["blue"]""", "\"red\""),
        new("name", Enums + "name", """["green"]""", "\"green\""),

        new("describe int", Variants + "describe", """[{"tag": "int", "val": {"$bigint": "-5"}}]""", "\"int -5\""),
        new("describe float", Variants + "describe", """[{"tag": "float", "val": 2.5}]""", "\"float 2.5\""),
        new("describe large float", Variants + "describe", """[{"tag": "float", "val": 1e300}]""", "\"float 1e+300\""),
        new("describe text", Variants + "describe", """[{"tag": "text", "val": "abc"}]""", "\"text abc\""),
        new("describe nothing", Variants + "describe", """[{"tag": "nothing"}]""", "\"nothing\""),
        new("twice int", Variants + "twice", """[{"tag": "int", "val": {"$bigint": "-21"}}]""", """{"tag": "int", "val": {"$bigint": "-42"}}"""),
        new("twice int wraps", Variants + "twice", """[{"tag": "int", "val": {"$bigint": "9223372036854775807"}}]""", """{"tag": "int", "val": {"$bigint": "-2"}}"""),
        new("twice float", Variants + "twice", """[{"tag": "float", "val": 1.25}]""", """{"tag": "float", "val": 2.5}"""),
        new("twice text", Variants + "twice", """[{"tag": "text", "val": "ab🌍"}]""", """{"tag": "text", "val": "ab🌍ab🌍"}"""),
        new("twice nothing", Variants + "twice", """[{"tag": "nothing"}]""", """{"tag": "nothing"}"""),

        new("increment some", Options + "increment", "[41]", "42"),
        new("increment none", Options + "increment", "[null]", "null"),
        new("increment wraps", Options + "increment", "[4294967295]", "0"),
        new("greet some", Options + "greet", """["Zoë"]""", "\"Hello, Zoë!\""),
        new("greet none", Options + "greet", "[null]", "null"),
        // option<option<u32>>: jco tags the outer option and leaves the inner one plain.
        new("flatten some some", Options + "flatten", """[{"tag": "some", "val": 5}]""", "5"),
        new("flatten some none", Options + "flatten", """[{"tag": "some"}]""", "null"),
        new("flatten none", Options + "flatten", """[{"tag": "none"}]""", "null"),
        new("wrap some", Options + "wrap", "[3]", """{"tag": "some", "val": 3}"""),
        new("wrap none", Options + "wrap", "[null]", """{"tag": "some"}"""),

        new("parse-u32 max", Results + "parse-u32", """["4294967295"]""", "4294967295"),
        new("parse-u32 too big", Results + "parse-u32", """["4294967296"]""", Error: "\"bad number: 4294967296\""),
        new("parse-u32 not digits", Results + "parse-u32", """["12x"]""", Error: "\"bad number: 12x\""),
        new("parse-u32 empty", Results + "parse-u32", """[""]""", Error: "\"bad number: \""),
        new("div", Results + "div", "[7, 2]", "3", Imports: Calls(Call(LogU32Import, 7, "div: "))),
        new("div by zero", Results + "div", "[1, 0]", Error: "\"divide-by-zero\"", Imports: Calls(Call(LogU32Import, 1, "div: "))),
        new("check-add ok", Results + "check-add", "[1, 1]", "null"),
        new("check-add overflow", Results + "check-add", "[4294967295, 1]", Error: "\"overflow\""),

        new("void-func", "void-func", "[]", "null", Imports: Calls(Call(LogStrImport, "void-func called"))),
        new("ok-func", "ok-func", "[40, 2]", "42", Imports: Calls(Call(LogU32Import, 42, "ok-func: "))),
        new("ok-func overflow", "ok-func", "[4294967295, 2]", Error: "\"overflow\""),
        new("greet-host", "greet-host", "[]", "\"Hello, WitHost!\"", Imports: Calls(Call(HostNameImport))),
        new("greet-host, another host name", "greet-host", "[]", "\"Hello, Zoë 🌍!\"", Imports: Calls(Call(HostNameImport)),
            Behaviours: $$$"""{"{{{HostNameImport}}}": {"returns": "Zoë 🌍"}}"""),
    ];

    // The shortest text that reads back as the same double, as JSON writes numbers.
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Json(JsonNode node) => node.ToJsonString();

    private static string ReverseScalars(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (Rune rune in text.EnumerateRunes().Reverse())
        {
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    private static string Call(string import, params JsonNode?[] args) => Json(new JsonArray([import, .. args]));

    private static string Calls(params string[] calls) => "[" + string.Join(", ", calls) + "]";
}
