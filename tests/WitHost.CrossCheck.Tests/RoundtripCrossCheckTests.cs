using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WitHost.Wamr;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Memory;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The wide round-trip world (wit/roundtrip.wit, guest tests/guests/roundtrip.c) through jco.
/// Each echo-&lt;type&gt; export hands its argument to the host's echo-&lt;type&gt; import and
/// returns the host's answer, so each case checks that the host received the argument intact
/// (the recorded import call) and that the caller got back what the host answered.
/// </summary>
public sealed class RoundtripCrossCheckTests : IClassFixture<RoundtripCrossCheckTests.Run>
{
    private const string Echoes = RoundtripOracleCases.Echoes;
    private const string Host = RoundtripOracleCases.Host;
    private const string ManyParamsArgs = RoundtripOracleCases.ManyParamsArgs;
    private const string ManyParamsAnswer = RoundtripOracleCases.ManyParamsAnswer;

    private static readonly OracleCase[] s_cases = [.. RoundtripOracleCases.All];

    // NaNs: the Canonical ABI lets lifting canonicalize a NaN and lowering pick any NaN, so only
    // "still a NaN" is promised. Signalling NaNs with payloads, to catch a host that turns them
    // into numbers or infinities.
    private static readonly OracleCase[] s_nanCases =
    [
        new("f32 bits signalling NaN", Echoes + "echo-f32-bits", "[2141192193]"),
        new("f32 bits negative quiet NaN", Echoes + "echo-f32-bits", "[4290772993]"),
        new("f64 bits signalling NaN", Echoes + "echo-f64-bits", """[{"$bigint": "9219994337134247937"}]"""),
    ];

    // jco deviation: the Canonical ABI lowers an i32 into a variant's i64 slot as its unsigned
    // value and lifts it back by wrapping to 32 bits, so an s32 of -7 there is -7 again
    // (definitions.py, lower_flat_variant / lift_flat_variant). jco 1.35.0 lifts it as 4294967289.
    private static readonly OracleCase s_negativeInWideSlot =
        new("variant negative s32 in the i64 slot", Echoes + "echo-event", """[{"tag": "moved", "val": {"x": -5, "y": -7}}]""");

    /// <summary>The oracle cases, in call order: what any host of this world must answer.</summary>
    internal static IReadOnlyList<OracleCase> Cases => s_cases;

    public static TheoryData<string> CaseNames => new(s_cases.Select(c => c.Name));

    public static TheoryData<string> NanCaseNames => new(s_nanCases.Select(c => c.Name));

    private readonly Run _run;

    public RoundtripCrossCheckTests(Run run) => _run = run;

    [Fact]
    public void Jco_accepts_the_guest_core_names_and_signatures() => _run.AssertAccepted();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Jco_gives_the_answer_the_WIT_promises(string name) => _run.AssertCase(name);

    [Fact]
    public void Case_names_are_unique() =>
        Assert.Equal(s_cases.Length + s_nanCases.Length + 1, s_cases.Concat(s_nanCases).Append(s_negativeInWideSlot).Select(c => c.Name).Distinct().Count());

    [Theory]
    [MemberData(nameof(NanCaseNames))]
    public void A_NaN_comes_back_as_a_NaN(string name)
    {
        JsonObject call = _run.Reported(name);
        Assert.Null(call["trap"]);
        bool wide = call["export"]!.GetValue<string>().EndsWith("f64-bits", StringComparison.Ordinal);
        JsonNode result = call["result"]!;
        ulong bits = wide ? ulong.Parse(result["$bigint"]!.GetValue<string>(), CultureInfo.InvariantCulture) : result.GetValue<uint>();
        Assert.True(
            wide ? double.IsNaN(BitConverter.UInt64BitsToDouble(bits)) : float.IsNaN(BitConverter.UInt32BitsToSingle((uint)bits)),
            $"0x{bits:x} is not a NaN");
        // The host saw a NaN, whatever its payload.
        JsonObject import = Assert.IsType<JsonObject>(Assert.Single(call["imports"]!.AsArray()));
        Assert.Equal(Host + (wide ? "echo-f64" : "echo-f32"), import["import"]?.GetValue<string>());
        Assert.Equal("NaN", import["args"]?[0]?["$float"]?.GetValue<string>());
    }

    [Fact]
    public void Jco_deviation_a_negative_s32_in_a_widened_variant_slot_reaches_the_host_unsigned()
    {
        JsonObject call = _run.Reported(s_negativeInWideSlot.Name);
        JsonNode? hostSaw = Assert.Single(call["imports"]!.AsArray())?["args"]?[0]?["val"];
        // The spec's answer is y = -7; WitHost's bindings must give -7, not what jco gives here.
        Assert.Equal(-5, hostSaw?["x"]?.GetValue<long>());
        Assert.Equal(4294967289, hostSaw?["y"]?.GetValue<long>());
        // Lowered back by jco (as -7's unsigned value) and read by the guest from memory, the
        // answer is right again.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"tag": "moved", "val": {"x": -5, "y": -7}}"""), call["result"]), call.ToJsonString());
    }

    [Fact]
    public void Jco_refuses_more_than_32_flags()
    {
        // The Component Model caps flags at 32 members: a 33rd is an error in the WIT itself.
        string wit = File.ReadAllText(_run.Wit);
        Assert.Contains("bit31,\n", wit, StringComparison.Ordinal);
        JsonObject report = _run.RunWithWit(wit.Replace("bit31,\n", "bit31, bit32,\n", StringComparison.Ordinal), [s_cases[0]]);
        // Embedding only stores the WIT; making the component decodes it, and refuses.
        Assert.Equal("component", report["stage"]?.GetValue<string>());
        Assert.Contains("cannot have more than 32 flags", report["message"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Jco_refuses_the_guest_when_a_record_field_differs()
    {
        // Make point's y an s64: echo-point's flat signature changes and the guest no longer matches.
        string wit = File.ReadAllText(_run.Wit);
        const string from = "record point { x: s32, y: s32 }";
        Assert.Contains(from, wit, StringComparison.Ordinal);
        JsonObject report = _run.RunWithWit(wit.Replace(from, "record point { x: s32, y: s64 }", StringComparison.Ordinal), [s_cases[0]]);
        Assert.Equal("component", report["stage"]?.GetValue<string>());
        Assert.Contains("type mismatch", report["message"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The echoes of types that are one core value need no memory, so WitHost's runtime API can
    /// run them today, host import included: the host must receive, and the caller get back,
    /// exactly what the oracle cases say.
    /// </summary>
    [Theory]
    [InlineData("bool true")]
    [InlineData("u8 max")]
    [InlineData("s8 min")]
    [InlineData("u16 max")]
    [InlineData("s16 min")]
    [InlineData("u32 max")]
    [InlineData("s32 min")]
    [InlineData("u64 max")]
    [InlineData("s64 min")]
    [InlineData("f32 nearest to 0.1")]
    [InlineData("f64 negative zero")]
    [InlineData("f64 smallest subnormal")]
    [InlineData("char astral")]
    [InlineData("char max")]
    [InlineData("enum last")]
    [InlineData("flags some")]
    [InlineData("32 flags, ends and bit 31")]
    [InlineData("result err")]
    [InlineData("f32 bits smallest subnormal")]
    [InlineData("f64 bits of 1.1")]
    public void WitHost_runtime_agrees_on_single_value_echoes(string name)
    {
        OracleCase oracle = s_cases.Single(c => c.Name == name);
        string function = oracle.Export[Echoes.Length..];
        // The bits echoes pass their value to the f32/f64 echoes of the host.
        string hostFunction = function switch
        {
            "echo-f32-bits" => "echo-f32",
            "echo-f64-bits" => "echo-f64",
            _ => function,
        };
        string parameterType = TypeOf(function);
        string hostType = TypeOf(hostFunction);

        using var engine = new WamrEngine();
        using WamrModule module = engine.LoadModule(_run.Wasm);
        var received = new List<JsonNode>();
        // The host function echoes its one core value, and records it lifted.
        var imports = new HostImports().Define("example:roundtrip/host", hostFunction, call =>
        {
            WasmValue value = call.GetArgument(0);
            received.Add(Lift(hostType, value));
            call.SetResult(value);
        });
        using WamrInstance instance = module.Instantiate(imports);

        JsonNode arg = JsonNode.Parse(oracle.Args)![0]!;
        WasmValue result = Assert.Single(instance.Invoke(oracle.Export, Lower(parameterType, arg)));
        JsonNode lifted = Lift(parameterType, result);

        // A top-level result comes back as the ok payload or as the error, as in the oracle.
        JsonNode? expected = JsonNode.Parse(oracle.Result ?? oracle.Error!);
        JsonNode? actual = parameterType == "result" ? null : lifted;
        if (parameterType == "result")
        {
            Assert.Equal(oracle.Error is not null, lifted["tag"]!.GetValue<string>() == "err");
        }
        Assert.True(JsonNode.DeepEquals(expected, actual), $"WitHost gave {actual?.ToJsonString() ?? "null"}, the oracle says {expected?.ToJsonString() ?? "null"}");
        JsonArray expectedImports = oracle.ExpectedImports();
        Assert.Equal(expectedImports.Count, received.Count);
        Assert.True(
            JsonNode.DeepEquals(expectedImports[0]!["args"]![0], received[0]),
            $"the host received {received[0].ToJsonString()}, the oracle says {expectedImports[0]!["args"]![0]?.ToJsonString()}");
    }

    /// <summary>
    /// many-params through WitHost's runtime API, by hand: the host stores the 17 parameters as
    /// a tuple in guest memory and passes its address; the guest passes the same kind of tuple
    /// to the host's import with an out-pointer, where the host writes the tuple result (its
    /// string and list allocated with cabi_realloc); the export returns the guest's return area.
    /// </summary>
    [Fact]
    public void WitHost_runtime_agrees_on_many_params_both_ways()
    {
        OracleCase oracle = s_cases.Single(c => c.Name == "many params");
        JsonArray args = JsonNode.Parse(oracle.Args)!.AsArray();
        JsonArray answer = JsonNode.Parse(ManyParamsAnswer)!.AsArray();

        using var engine = new WamrEngine();
        using WamrModule module = engine.LoadModule(_run.Wasm);
        JsonArray? received = null;
        var imports = new HostImports().Define("example:roundtrip/host", "many-params", call =>
        {
            received = LiftManyParams(call.Instance, call.GetUInt32(0));
            StoreTuple(call.Instance, call.GetUInt32(1), answer);
        });
        using WamrInstance instance = module.Instantiate(imports);

        JsonArray result = CallManyParams(instance, args);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(oracle.Result!), result), $"WitHost gave {result.ToJsonString()}, the oracle says {oracle.Result}");
        Assert.NotNull(received);
        Assert.True(JsonNode.DeepEquals(oracle.ExpectedImports()[0]!["args"], received), $"the host received {received.ToJsonString()}, the oracle says {oracle.ExpectedImports()[0]!["args"]!.ToJsonString()}");
    }

    private static JsonArray CallManyParams(WamrInstance instance, JsonArray args)
    {
        // The tuple's block first, then the string inside it, as the spec's store does.
        uint tuple = instance.Realloc(0, 0, 8, 88);
        StoreManyParams(instance, tuple, args);
        WamrFunction function = instance.GetFunction(Echoes + "many-params");
        Span<uint> cells = [tuple];
        function.InvokeCells(cells);
        JsonArray result = LiftTuple(instance, cells[0]);
        Assert.True(instance.PostReturn(function, cells), "many-params has a cabi_post");
        return result;
    }

    /// <summary>
    /// Ownership both ways: the guest frees the parameter tuple and its string the host gave it,
    /// and in cabi_post the string and list the host allocated for the import's answer.
    /// Thousands of calls must leave the guest's memory the size it had after the first ones.
    /// </summary>
    [Fact]
    public void The_guest_frees_what_crosses_many_params_through_WitHost()
    {
        JsonArray args = JsonNode.Parse(ManyParamsArgs)!.AsArray();
        args[12] = string.Concat(Enumerable.Repeat("thirteen ünï🌍 ", 60));
        JsonArray answer = JsonNode.Parse(ManyParamsAnswer)!.AsArray();
        answer[1] = string.Concat(Enumerable.Repeat("from the host ", 60));
        answer[2] = new JsonObject { ["$u8"] = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)(i % 256))]) };

        using var engine = new WamrEngine();
        using WamrModule module = engine.LoadModule(_run.Wasm);
        var imports = new HostImports().Define("example:roundtrip/host", "many-params", call => StoreTuple(call.Instance, call.GetUInt32(1), answer));
        using WamrInstance instance = module.Instantiate(imports);
        for (int i = 0; i < 10; i++)
        {
            CallManyParams(instance, args);
        }
        long settled = instance.Memory.Length;
        for (int i = 0; i < 2000; i++)
        {
            CallManyParams(instance, args);
        }
        Assert.Equal(settled, instance.Memory.Length);
    }

    // many-params' tuple (u8, s8, u16, s16, u32, s32, u64, s64, f32, f64, bool, char, string,
    // point, level, permissions, option<u32>): offsets 0, 1, 2, 4, 8, 12, 16, 24, 32, 40, 48,
    // 52, 56, 64, 72, 73, 76; 88 bytes, 8-aligned.
    private static void StoreManyParams(WamrInstance instance, uint at, JsonArray args)
    {
        byte[] text = Encoding.UTF8.GetBytes(args[12]!.GetValue<string>());
        uint textPointer = instance.Realloc(0, 0, 1, (uint)text.Length);
        GuestMemory memory = instance.Memory; // read after the last call into the guest
        memory.Write(textPointer, text);
        memory.WriteByte(at + 0, (byte)args[0]!.GetValue<int>());
        memory.WriteByte(at + 1, (byte)(sbyte)args[1]!.GetValue<int>());
        memory.WriteUInt16(at + 2, (ushort)args[2]!.GetValue<int>());
        memory.WriteUInt16(at + 4, (ushort)(short)args[3]!.GetValue<int>());
        memory.WriteUInt32(at + 8, args[4]!.GetValue<uint>());
        memory.WriteUInt32(at + 12, (uint)args[5]!.GetValue<int>());
        memory.WriteUInt64(at + 16, Lower("u64", args[6]!).AsUInt64());
        memory.WriteUInt64(at + 24, Lower("s64", args[7]!).AsUInt64());
        memory.WriteSingle(at + 32, (float)args[8]!.GetValue<double>());
        memory.WriteDouble(at + 40, args[9]!.GetValue<double>());
        memory.WriteByte(at + 48, (byte)(args[10]!.GetValue<bool>() ? 1 : 0));
        memory.WriteUInt32(at + 52, Lower("char", args[11]!).AsUInt32());
        memory.WriteUInt32(at + 56, textPointer);
        memory.WriteUInt32(at + 60, (uint)text.Length);
        memory.WriteUInt32(at + 64, (uint)args[13]!["x"]!.GetValue<int>());
        memory.WriteUInt32(at + 68, (uint)args[13]!["y"]!.GetValue<int>());
        memory.WriteByte(at + 72, (byte)Lower("level", args[14]!).AsUInt32());
        memory.WriteByte(at + 73, (byte)Lower("permissions", args[15]!).AsUInt32());
        bool some = args[16] is not null;
        memory.WriteByte(at + 76, (byte)(some ? 1 : 0));
        memory.WriteUInt32(at + 80, some ? args[16]!.GetValue<uint>() : 0);
    }

    private static JsonArray LiftManyParams(WamrInstance instance, uint at)
    {
        Assert.Equal(0u, at % 8);
        GuestMemory memory = instance.Memory;
        return
        [
            memory.ReadByte(at + 0),
            (sbyte)memory.ReadByte(at + 1),
            memory.ReadUInt16(at + 2),
            (short)memory.ReadUInt16(at + 4),
            memory.ReadUInt32(at + 8),
            (int)memory.ReadUInt32(at + 12),
            Lift("u64", WasmValue.FromUInt64(memory.ReadUInt64(at + 16))),
            Lift("s64", WasmValue.FromUInt64(memory.ReadUInt64(at + 24))),
            FloatJson(memory.ReadSingle(at + 32)),
            FloatJson(memory.ReadDouble(at + 40)),
            Lift("bool", WasmValue.FromUInt32(memory.ReadByte(at + 48))),
            Lift("char", WasmValue.FromUInt32(memory.ReadUInt32(at + 52))),
            s_strictUtf8.GetString(memory.Slice(memory.ReadUInt32(at + 56), memory.ReadUInt32(at + 60))),
            new JsonObject { ["x"] = (int)memory.ReadUInt32(at + 64), ["y"] = (int)memory.ReadUInt32(at + 68) },
            Lift("level", WasmValue.FromUInt32(memory.ReadByte(at + 72))),
            Lift("permissions", WasmValue.FromUInt32(memory.ReadByte(at + 73))),
            memory.ReadByte(at + 76) switch
            {
                0 => null,
                1 => memory.ReadUInt32(at + 80),
                var d => throw new InvalidDataException($"option case {d}"),
            },
        ];
    }

    // tuple<u64, string, list<u8>>: u64 at 0, (ptr, len) at 8 and at 16; 24 bytes, 8-aligned.
    private static void StoreTuple(WamrInstance instance, uint at, JsonArray tuple)
    {
        byte[] text = Encoding.UTF8.GetBytes(tuple[1]!.GetValue<string>());
        byte[] bytes = [.. tuple[2]!["$u8"]!.AsArray().Select(b => (byte)b!.GetValue<int>())];
        uint textPointer = instance.Realloc(0, 0, 1, (uint)text.Length);
        instance.Memory.Write(textPointer, text);
        uint bytesPointer = instance.Realloc(0, 0, 1, (uint)bytes.Length);
        GuestMemory memory = instance.Memory;
        memory.Write(bytesPointer, bytes);
        memory.WriteUInt64(at, Lower("u64", tuple[0]!).AsUInt64());
        memory.WriteUInt32(at + 8, textPointer);
        memory.WriteUInt32(at + 12, (uint)text.Length);
        memory.WriteUInt32(at + 16, bytesPointer);
        memory.WriteUInt32(at + 20, (uint)bytes.Length);
    }

    private static JsonArray LiftTuple(WamrInstance instance, uint at)
    {
        Assert.Equal(0u, at % 8);
        GuestMemory memory = instance.Memory;
        byte[] bytes = memory.Slice(memory.ReadUInt32(at + 16), memory.ReadUInt32(at + 20)).ToArray();
        return
        [
            Lift("u64", WasmValue.FromUInt64(memory.ReadUInt64(at))),
            s_strictUtf8.GetString(memory.Slice(memory.ReadUInt32(at + 8), memory.ReadUInt32(at + 12))),
            new JsonObject { ["$u8"] = new JsonArray([.. bytes.Select(b => (JsonNode)b)]) },
        ];
    }

    // Lifting validates: invalid UTF-8 from the guest is an error, not replacement characters.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The WIT type of an echo's parameter (and result).
    private static string TypeOf(string function) => function switch
    {
        "echo-level" => "level",
        "echo-permissions" => "permissions",
        "echo-many" => "many",
        "echo-f32-bits" => "u32",
        "echo-f64-bits" => "u64",
        _ => function["echo-".Length..],
    };

    // One value of a single-core-value type, lowered as the Canonical ABI says.
    private static WasmValue Lower(string type, JsonNode value) => type switch
    {
        "bool" => WasmValue.FromInt32(value.GetValue<bool>() ? 1 : 0),
        "u8" or "u16" or "u32" => WasmValue.FromUInt32(value.GetValue<uint>()),
        "s8" or "s16" or "s32" => WasmValue.FromInt32(value.GetValue<int>()),
        "u64" => WasmValue.FromUInt64(ulong.Parse(value["$bigint"]!.GetValue<string>(), CultureInfo.InvariantCulture)),
        "s64" => WasmValue.FromInt64(long.Parse(value["$bigint"]!.GetValue<string>(), CultureInfo.InvariantCulture)),
        "f32" => WasmValue.FromSingle((float)FloatOf(value)),
        "f64" => WasmValue.FromDouble(FloatOf(value)),
        "char" => WasmValue.FromUInt32((uint)char.ConvertToUtf32(value.GetValue<string>(), 0)),
        "level" => WasmValue.FromUInt32((uint)Array.IndexOf(s_levels, value.GetValue<string>())),
        "permissions" or "many" => WasmValue.FromUInt32(FlagBits(type, value.AsObject())),
        "result" => WasmValue.FromUInt32(value["tag"]!.GetValue<string>() == "err" ? 1u : 0u),
        _ => throw new ArgumentException($"no single-value lowering for {type}", nameof(type)),
    };

    // One core value lifted to the JSON form run-component.mjs reports, validating as lifting must.
    private static JsonNode Lift(string type, WasmValue value) => type switch
    {
        "bool" => JsonValue.Create(value.AsUInt32() != 0),
        "u8" => JsonValue.Create((byte)value.AsUInt32()),
        "s8" => JsonValue.Create((sbyte)value.AsUInt32()),
        "u16" => JsonValue.Create((ushort)value.AsUInt32()),
        "s16" => JsonValue.Create((short)value.AsUInt32()),
        "u32" => JsonValue.Create(value.AsUInt32()),
        "s32" => JsonValue.Create(value.AsInt32()),
        "u64" => new JsonObject { ["$bigint"] = value.AsUInt64().ToString(CultureInfo.InvariantCulture) },
        "s64" => new JsonObject { ["$bigint"] = value.AsInt64().ToString(CultureInfo.InvariantCulture) },
        "f32" => FloatJson(value.AsSingle()),
        "f64" => FloatJson(value.AsDouble()),
        "char" => JsonValue.Create(char.ConvertFromUtf32(checked((int)value.AsUInt32()))),
        "level" => JsonValue.Create(s_levels[value.AsUInt32()]),
        "permissions" or "many" => FlagsJson(type, value.AsUInt32()),
        "result" => new JsonObject { ["tag"] = value.AsUInt32() switch { 0 => "ok", 1 => "err", var d => throw new InvalidDataException($"result case {d}") } },
        _ => throw new ArgumentException($"no single-value lifting for {type}", nameof(type)),
    };

    private static readonly string[] s_levels = ["low", "medium", "high"];

    private static string[] FlagNames(string type) =>
        type == "permissions" ? ["read", "write", "execute"] : [.. Enumerable.Range(0, 32).Select(i => $"bit{i}")];

    private static uint FlagBits(string type, JsonObject flags)
    {
        string[] names = FlagNames(type);
        uint bits = 0;
        for (int i = 0; i < names.Length; i++)
        {
            if (flags[names[i]]?.GetValue<bool>() == true)
            {
                bits |= 1u << i;
            }
        }
        return bits;
    }

    private static JsonObject FlagsJson(string type, uint bits)
    {
        string[] names = FlagNames(type);
        var flags = new JsonObject();
        for (int i = 0; i < names.Length; i++)
        {
            flags[names[i]] = (bits & (1u << i)) != 0;
        }
        return flags;
    }

    private static double FloatOf(JsonNode value) =>
        value is JsonObject tagged ? double.Parse(tagged["$float"]!.GetValue<string>(), CultureInfo.InvariantCulture) : value.GetValue<double>();

    // As run-component.mjs writes floats: NaN, infinities and negative zero tagged.
    private static JsonNode FloatJson(double value) =>
        double.IsFinite(value) && !(value == 0 && double.IsNegative(value))
            ? JsonValue.Create(value)
            : new JsonObject { ["$float"] = double.IsNaN(value) ? "NaN" : value == 0 ? "-0" : value > 0 ? "Infinity" : "-Infinity" };



    /// <summary>All the cases, run once through jco on one instance.</summary>
    public sealed class Run() : OracleRun(
        JcoOracle.InRepo("tests", "guests", "roundtrip.wasm"),
        JcoOracle.InRepo("wit", "roundtrip.wit"),
        "roundtrip",
        HostImports(),
        [.. s_cases, .. s_nanCases, s_negativeInWideSlot]);

    // Every host function echoes its argument (the result-returning ones unwrap it: ok is
    // returned, err thrown); many-params answers a fixed tuple.
    private static JsonObject HostImports()
    {
        string[] functions =
        [
            "echo-bool", "echo-u8", "echo-s8", "echo-u16", "echo-s16", "echo-u32", "echo-s32", "echo-u64", "echo-s64",
            "echo-f32", "echo-f64", "echo-char", "echo-string", "echo-point", "echo-person", "echo-team", "echo-level",
            "echo-permissions", "echo-many", "echo-event", "echo-option-string", "echo-option-point", "echo-tuple",
            "echo-list-u8", "echo-list-string", "echo-list-person", "echo-list-list",
        ];
        var imports = new JsonObject();
        foreach (string function in functions)
        {
            imports[Host + function] = new JsonObject { ["echo"] = true };
        }
        foreach (string function in (string[])["echo-result", "echo-result-ok", "echo-result-err", "echo-result-both"])
        {
            imports[Host + function] = new JsonObject { ["echo"] = "result" };
        }
        imports[Host + "many-params"] = new JsonObject { ["returns"] = JsonNode.Parse(ManyParamsAnswer) };
        return imports;
    }
}
