using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WitHost.Wamr;
using WitHost.Wamr.Hosting;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The seed sample world (wit/sample.wit, guest tests/guests/sample.c) through jco: jco must
/// accept the guest's core names and signatures, and every call must give the answer the WIT's
/// semantics promise. These cases are the answers WitHost's generated bindings must give too.
/// </summary>
public sealed class SampleCrossCheckTests : IClassFixture<SampleCrossCheckTests.Run>
{
    private const string Booleans = "example:sample/booleans#";
    private const string Floats = "example:sample/floats#";
    private const string Integers = "example:sample/integers#";
    private const string Strings = "example:sample/strings#";
    private const string Tuples = "example:sample/tuples#";
    private const string Lists = "example:sample/lists#";
    private const string Enums = "example:sample/enums#";
    private const string Variants = "example:sample/variants#";
    private const string Options = "example:sample/options#";
    private const string Results = "example:sample/results#";
    private const string LogU32Import = "example:sample/logging#log-u32";
    private const string LogStrImport = "example:sample/logging#log-str";
    // A world-level import: no interface, just the function's name.
    private const string HostNameImport = "host-name";

    // Over 64 KiB of UTF-8, so the guest grows its memory while reversing it.
    private static readonly string s_long = string.Concat(Enumerable.Range(0, 4000).Select(i => $"{i}:ünï🌍 "));

    private static readonly OracleCase[] s_cases =
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

    /// <summary>The oracle cases, in call order: what any host of this world must answer.</summary>
    internal static IReadOnlyList<OracleCase> Cases => s_cases;

    public static TheoryData<string> CaseNames => new(s_cases.Select(c => c.Name));

    private readonly Run _run;

    public SampleCrossCheckTests(Run run) => _run = run;

    [Fact]
    public void Jco_accepts_the_guest_core_names_and_signatures() => _run.AssertAccepted();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Jco_gives_the_answer_the_WIT_promises(string name) => _run.AssertCase(name);

    [Fact]
    public void Case_names_are_unique() =>
        Assert.Equal(s_cases.Length, s_cases.Select(c => c.Name).Distinct().Count());

    [Fact]
    public void Jco_refuses_the_guest_when_a_signature_differs()
    {
        string wit = File.ReadAllText(_run.Wit);
        string changed = Replace(wit, "xor: func(a: bool, b: bool) -> bool;", "xor: func(a: bool, b: u64) -> bool;");
        JsonObject report = _run.RunWithWit(changed, [s_cases[0]]);
        Assert.Equal("component", report["stage"]?.GetValue<string>());
        Assert.Contains("example:sample/booleans#xor", report["message"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Jco_refuses_the_guest_when_the_world_names_an_export_it_lacks()
    {
        string wit = File.ReadAllText(_run.Wit);
        string changed = Replace(wit, "  not: func(a: bool) -> bool;", "  not: func(a: bool) -> bool;\n  nand: func(a: bool, b: bool) -> bool;");
        JsonObject report = _run.RunWithWit(changed, [s_cases[0]]);
        Assert.Equal("component", report["stage"]?.GetValue<string>());
        Assert.Contains("failed to find export of interface `example:sample/booleans` function `nand`", report["message"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The scalar exports need no lowering beyond core values, so WitHost's runtime API can call
    /// them today: it must give the same answers as the cases above.
    /// </summary>
    [Theory]
    [InlineData("and true false")]
    [InlineData("xor true true")]
    [InlineData("not false")]
    [InlineData("add-f32 rounds to f32")]
    [InlineData("add-f64")]
    [InlineData("add-u8 wraps")]
    [InlineData("add-s8 wraps")]
    [InlineData("sub-s16 wraps")]
    [InlineData("add-s32 wraps")]
    [InlineData("add-u64 wraps")]
    [InlineData("neg-s64 of the minimum")]
    public void WitHost_runtime_agrees_on_scalar_exports(string name)
    {
        OracleCase oracle = s_cases.Single(c => c.Name == name);
        JsonArray args = JsonNode.Parse(oracle.Args)!.AsArray();
        using var engine = new WamrEngine();
        using WamrModule module = engine.LoadModule(_run.Wasm);
        // The guest imports the logging functions and host-name; none of these exports calls them.
        var imports = new HostImports()
            .Define("example:sample/logging", "log-u32", _ => Assert.Fail("log-u32 was not expected"))
            .Define("example:sample/logging", "log-str", _ => Assert.Fail("log-str was not expected"))
            .Define("$root", "host-name", _ => Assert.Fail("host-name was not expected"));
        using WamrInstance instance = module.Instantiate(imports);

        string function = oracle.Export[(oracle.Export.IndexOf('#') + 1)..];
        WasmValue[] core = [.. args.Select(arg => LowerScalar(function, arg!))];
        WasmValue result = Assert.Single(instance.Invoke(oracle.Export, core));
        JsonNode lifted = LiftScalar(function, result);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(oracle.Result!), lifted), $"WitHost gave {lifted.ToJsonString()}, the oracle says {oracle.Result}");
    }

    /// <summary>
    /// String exports through WitHost's runtime API, lowered and lifted by hand as the Canonical
    /// ABI says: strings into memory from cabi_realloc, seventeen of them as a tuple in memory
    /// (more than 16 flat values), results read from the return area and freed by cabi_post,
    /// and a host import lifting a string. The answers must be the oracle's.
    /// </summary>
    [Theory]
    [InlineData("reverse by scalars")]
    [InlineData("reverse empty")]
    [InlineData("reverse long")]
    [InlineData("to-upper ascii only")]
    [InlineData("len in scalars")]
    [InlineData("concat17 (17 strings, params in memory)")]
    [InlineData("concat17 with empty and unicode")]
    public void WitHost_runtime_agrees_on_string_exports(string name)
    {
        OracleCase oracle = s_cases.Single(c => c.Name == name);
        string[] args = [.. JsonNode.Parse(oracle.Args)!.AsArray().Select(a => a!.GetValue<string>())];
        using var engine = new WamrEngine();
        using WamrModule module = engine.LoadModule(_run.Wasm);
        var logged = new JsonArray();
        var imports = new HostImports()
            .Define("example:sample/logging", "log-u32", call =>
            {
                // log-u32(a: u32, s: string) is (i32, ptr, len); the string stays the guest's.
                logged.Add(new JsonObject
                {
                    ["import"] = LogU32Import,
                    ["args"] = new JsonArray(call.GetUInt32(0), LiftString(call.Instance, call.GetUInt32(1), call.GetUInt32(2))),
                });
            })
            .Define("example:sample/logging", "log-str", _ => Assert.Fail("log-str was not expected"))
            .Define("$root", "host-name", _ => Assert.Fail("host-name was not expected"));
        using WamrInstance instance = module.Instantiate(imports);
        JsonNode result = CallStringExport(instance, oracle.Export, args);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(oracle.Result!), result), $"WitHost gave {Show(result)}, the oracle says {Show(JsonNode.Parse(oracle.Result!))}");
        Assert.True(JsonNode.DeepEquals(oracle.ExpectedImports(), logged), $"the host received {logged.ToJsonString()}, the oracle says {oracle.ExpectedImports().ToJsonString()}");
    }

    // Calls a strings export (one string, or seventeen as a tuple in memory) and lifts its
    // result (a u32, or a string from the return area, which cabi_post then frees).
    private static JsonNode CallStringExport(WamrInstance instance, string export, string[] args)
    {
        WamrFunction function = instance.GetFunction(export);
        Span<uint> cells = stackalloc uint[2];
        if (args.Length > 16)
        {
            // 34 flat values: one pointer to the tuple of (ptr, len) pairs. The tuple is
            // allocated first, then each string as it is stored, in order.
            uint tuple = instance.Realloc(0, 0, 4, (uint)(8 * args.Length));
            for (int i = 0; i < args.Length; i++)
            {
                (uint pointer, uint length) = LowerString(instance, args[i]);
                instance.Memory.WriteUInt32(tuple + (uint)(8 * i), pointer);
                instance.Memory.WriteUInt32(tuple + (uint)(8 * i) + 4, length);
            }
            cells = cells[..1];
            cells[0] = tuple;
        }
        else
        {
            (cells[0], cells[1]) = LowerString(instance, Assert.Single(args));
        }
        function.InvokeCells(cells);

        JsonNode result;
        if (export.EndsWith("#len", StringComparison.Ordinal))
        {
            result = JsonValue.Create(cells[0]);
        }
        else
        {
            // One string: more than one flat value, so the guest returned a pointer to (ptr, len).
            uint area = cells[0];
            Assert.Equal(0u, area % 4);
            result = JsonValue.Create(LiftString(instance, instance.Memory.ReadUInt32(area), instance.Memory.ReadUInt32(area + 4)));
        }
        // The exports returning strings export cabi_post; it frees what the result pointed to.
        instance.PostReturn(function, cells[..1]);
        return result;
    }

    /// <summary>
    /// The guest frees what it owns: every argument string (and the tuple of seventeen), and
    /// every result in cabi_post. Thousands of calls with kilobyte strings would grow a leaking
    /// guest's memory by megabytes; this one's must stay the size it had after the first calls.
    /// </summary>
    [Fact]
    public void The_guest_frees_its_strings_through_WitHost()
    {
        using var engine = new WamrEngine();
        using WamrModule module = engine.LoadModule(_run.Wasm);
        var imports = new HostImports()
            .Define("example:sample/logging", "log-u32", _ => { })
            .Define("example:sample/logging", "log-str", _ => { })
            .Define("$root", "host-name", _ => Assert.Fail("host-name was not expected"));
        using WamrInstance instance = module.Instantiate(imports);
        string text = string.Concat(Enumerable.Repeat("ünï🌍 ", 100));
        string[] seventeen = [.. Enumerable.Range(0, 17).Select(i => $"{i}:{text}")];

        void Round()
        {
            CallStringExport(instance, Strings + "reverse", [text]);
            CallStringExport(instance, Strings + "to-upper", [text]);
            CallStringExport(instance, Strings + "len", [text]);
            CallStringExport(instance, Strings + "concat17", seventeen);
        }

        for (int i = 0; i < 10; i++)
        {
            Round();
        }
        int settled = instance.Memory.Length;
        for (int i = 0; i < 2000; i++)
        {
            Round();
        }
        Assert.Equal(settled, instance.Memory.Length);
    }

    // Lowers a string as UTF-8 into memory the guest allocates with cabi_realloc (zero bytes
    // included, as the spec's store_string does). Memory is read afresh after the call.
    private static (uint Pointer, uint Length) LowerString(WamrInstance instance, string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        uint pointer = instance.Realloc(0, 0, 1, (uint)utf8.Length);
        instance.Memory.Write(pointer, utf8);
        return (pointer, (uint)utf8.Length);
    }

    // Lifting validates: invalid UTF-8 from the guest is an error, not replacement characters.
    private static string LiftString(WamrInstance instance, uint pointer, uint length) =>
        s_strictUtf8.GetString(instance.Memory.Slice(pointer, length));

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string Show(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + $"… ({text.Length} chars)";
    }

    // The core value of one scalar argument, by the function's parameter type.
    private static WasmValue LowerScalar(string function, JsonNode arg) => function switch
    {
        "and" or "or" or "xor" or "not" => WasmValue.FromInt32(arg.GetValue<bool>() ? 1 : 0),
        "add-f32" => WasmValue.FromSingle((float)arg.GetValue<double>()),
        "add-f64" => WasmValue.FromDouble(arg.GetValue<double>()),
        "add-u8" or "add-s8" or "sub-s16" or "add-s32" => WasmValue.FromInt32(arg.GetValue<int>()),
        "add-u64" => WasmValue.FromUInt64(ulong.Parse(arg["$bigint"]!.GetValue<string>(), CultureInfo.InvariantCulture)),
        "neg-s64" => WasmValue.FromInt64(long.Parse(arg["$bigint"]!.GetValue<string>(), CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"no scalar lowering for {function}", nameof(function)),
    };

    // The JSON of a scalar result, lifted as the Canonical ABI says for the result type.
    private static JsonNode LiftScalar(string function, WasmValue value) => function switch
    {
        "and" or "or" or "xor" or "not" => JsonValue.Create(value.AsInt32() != 0),
        "add-f32" => JsonValue.Create((double)value.AsSingle()),
        "add-f64" => JsonValue.Create(value.AsDouble()),
        "add-u8" => JsonValue.Create((byte)value.AsUInt32()),
        "add-s8" => JsonValue.Create((sbyte)value.AsInt32()),
        "sub-s16" => JsonValue.Create((short)value.AsInt32()),
        "add-s32" => JsonValue.Create(value.AsInt32()),
        "add-u64" => new JsonObject { ["$bigint"] = value.AsUInt64().ToString(CultureInfo.InvariantCulture) },
        "neg-s64" => new JsonObject { ["$bigint"] = value.AsInt64().ToString(CultureInfo.InvariantCulture) },
        _ => throw new ArgumentException($"no scalar lifting for {function}", nameof(function)),
    };

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

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

    /// <summary>All the cases, run once through jco on one instance.</summary>
    public sealed class Run() : OracleRun(
        JcoOracle.InRepo("tests", "guests", "sample.wasm"),
        JcoOracle.InRepo("wit", "sample.wit"),
        "sample",
        // The logging functions record their arguments and return nothing; host-name answers "WitHost".
        new JsonObject
        {
            [LogU32Import] = new JsonObject(),
            [LogStrImport] = new JsonObject(),
            [HostNameImport] = new JsonObject { ["returns"] = "WitHost" },
        },
        s_cases);
}
