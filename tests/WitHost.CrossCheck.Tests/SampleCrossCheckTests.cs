using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WitHost.Wamr;
using WitHost.Wamr.Hosting;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The seed sample world (wit/sample.wit, guest samples/HelloWorld/guest/sample.c) through jco: jco must
/// accept the guest's core names and signatures, and every call must give the answer the WIT's
/// semantics promise. These cases are the answers WitHost's generated bindings must give too.
/// </summary>
public sealed class SampleCrossCheckTests : IClassFixture<SampleCrossCheckTests.Run>
{
    private const string Booleans = SampleOracleCases.Booleans;
    private const string Floats = SampleOracleCases.Floats;
    private const string Integers = SampleOracleCases.Integers;
    private const string Strings = SampleOracleCases.Strings;
    private const string Tuples = SampleOracleCases.Tuples;
    private const string Lists = SampleOracleCases.Lists;
    private const string Enums = SampleOracleCases.Enums;
    private const string Variants = SampleOracleCases.Variants;
    private const string Options = SampleOracleCases.Options;
    private const string Results = SampleOracleCases.Results;
    private const string LogU32Import = SampleOracleCases.LogU32Import;
    private const string LogStrImport = SampleOracleCases.LogStrImport;
    private const string HostNameImport = SampleOracleCases.HostNameImport;

    private static readonly OracleCase[] s_cases = [.. SampleOracleCases.All];

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
        long settled = instance.Memory.Length;
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

    /// <summary>All the cases, run once through jco on one instance.</summary>
    public sealed class Run() : OracleRun(
        JcoOracle.InRepo("samples", "HelloWorld", "guest", "sample.wasm"),
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
