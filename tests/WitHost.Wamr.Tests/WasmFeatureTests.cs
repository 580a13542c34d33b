namespace WitHost.Wamr.Tests;

/// <summary>
/// The wasm features rustc (wasm32-wasip1) and clang 16+ emit by default load and run, each
/// exercised by a module of its own (tests/guests/features/*.wat) or by a C guest built the way
/// those toolchains build (tests/guests/reference-types.c). docs/native.md lists the features.
/// </summary>
public sealed class WasmFeatureTests : IDisposable
{
    private readonly WamrEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private WamrModule Load(string guest) => _engine.LoadModule(GuestFiles.Loadable(guest));

    [Fact]
    public void A_guest_built_with_reference_types_loads_and_calls_through_its_table()
    {
        byte[] bytes = GuestFiles.Read("reference-types.wasm");
        // The encoding a WAMR without reference types refuses is really in the binary.
        Assert.True(bytes.AsSpan().IndexOf((byte[])[0x11, 0x80, 0x80, 0x80, 0x80, 0x00, 0x80, 0x80, 0x80, 0x80, 0x00]) >= 0);

        using WamrModule module = _engine.LoadModule(bytes);
        using WamrInstance instance = module.Instantiate();
        Assert.Equal(42, instance.Invoke("apply", 0u, 21)[0].AsInt32());
        Assert.Equal(22, instance.Invoke("apply", 1u, 21)[0].AsInt32());
        Assert.Equal(-21, instance.Invoke("apply", 2u, 21)[0].AsInt32());
    }

    [Fact]
    public void A_module_whose_LEBs_are_padded_loads_and_runs()
    {
        using WamrModule module = _engine.LoadModule(PaddedLebModule.Bytes);
        Assert.Equal("apply", Assert.Single(module.Info.Exports).Name);
        using WamrInstance instance = module.Instantiate();
        Assert.Equal(42, instance.Invoke("apply", 40)[0].AsInt32());
    }

    [Fact]
    public void Bulk_memory_fills_copies_initialises_and_drops()
    {
        using WamrModule module = Load("features/bulk-memory.wasm");
        using (WamrInstance instance = module.Instantiate())
        {
            // 0x2a2a2a2a twice (the overlapping copy moves 0x2a over 0x2a), plus 'b' and '!'.
            Assert.Equal(unchecked(0x2a2a2a2a * 2) + 'b' + '!', instance.Invoke("run")[0].AsInt32());
            Span<byte> memory = instance.Memory.Span;
            Assert.Equal("bulk!"u8.ToArray(), memory.Slice(64, 5).ToArray());
            Assert.Equal(Enumerable.Repeat((byte)0x2a, 8), memory.Slice(32, 8).ToArray());
        }
        using WamrInstance second = module.Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => second.Invoke("init-after-drop"));
        Assert.Contains("out of bounds memory access", trap.TrapMessage);
    }

    [Theory]
    [InlineData("i32.extend8_s", 0x80, -128)]
    [InlineData("i32.extend8_s", 0x17f, 127)]
    [InlineData("i32.extend16_s", 0x8000, -32768)]
    [InlineData("i32.extend16_s", 0x12345, 0x2345)]
    public void Sign_extension_of_i32(string export, int value, int expected)
    {
        using WamrModule module = Load("features/sign-extension.wasm");
        using (WamrInstance instance = module.Instantiate())
        {
            Assert.Equal(expected, instance.Invoke(export, value)[0].AsInt32());
        }
    }

    [Theory]
    [InlineData("i64.extend8_s", 0xff, -1)]
    [InlineData("i64.extend16_s", 0x1_7fff, 0x7fff)]
    [InlineData("i64.extend32_s", 0x8000_0000, -0x8000_0000)]
    [InlineData("i64.extend32_s", 0x1_0000_0005, 5)]
    public void Sign_extension_of_i64(string export, long value, long expected)
    {
        using WamrModule module = Load("features/sign-extension.wasm");
        using (WamrInstance instance = module.Instantiate())
        {
            Assert.Equal(expected, instance.Invoke(export, value)[0].AsInt64());
        }
    }

    [Fact]
    public void Float_to_int_conversions_saturate_instead_of_trapping()
    {
        using WamrModule module = Load("features/saturating-float-to-int.wasm");
        using (WamrInstance instance = module.Instantiate())
        {
            Assert.Equal(int.MaxValue, instance.Invoke("i32.trunc_sat_f32_s", 1e20f)[0].AsInt32());
            Assert.Equal(int.MinValue, instance.Invoke("i32.trunc_sat_f32_s", -1e20f)[0].AsInt32());
            Assert.Equal(0, instance.Invoke("i32.trunc_sat_f32_s", float.NaN)[0].AsInt32());
            Assert.Equal(-3, instance.Invoke("i32.trunc_sat_f32_s", -3.9f)[0].AsInt32());
            Assert.Equal(0, instance.Invoke("i32.trunc_sat_f32_u", -5f)[0].AsInt32());
            Assert.Equal(uint.MaxValue, instance.Invoke("i32.trunc_sat_f32_u", 1e20f)[0].AsUInt32());
            Assert.Equal(int.MaxValue, instance.Invoke("i32.trunc_sat_f64_s", double.PositiveInfinity)[0].AsInt32());
            Assert.Equal(4_000_000_000u, instance.Invoke("i32.trunc_sat_f64_u", 4e9)[0].AsUInt32());
            Assert.Equal(long.MinValue, instance.Invoke("i64.trunc_sat_f32_s", float.NegativeInfinity)[0].AsInt64());
            Assert.Equal(0L, instance.Invoke("i64.trunc_sat_f32_u", float.NaN)[0].AsInt64());
            Assert.Equal(long.MaxValue, instance.Invoke("i64.trunc_sat_f64_s", 1e300)[0].AsInt64());
            Assert.Equal(ulong.MaxValue, (ulong)instance.Invoke("i64.trunc_sat_f64_u", 1e300)[0].AsInt64());
            Assert.Equal(123_456_789_012L, instance.Invoke("i64.trunc_sat_f64_s", 123_456_789_012.75)[0].AsInt64());
        }
    }

    [Fact]
    public void Exported_mutable_globals_load_and_keep_their_value_between_calls()
    {
        using WamrModule module = Load("features/mutable-globals.wasm");
        using (WamrInstance instance = module.Instantiate())
        {
            Assert.Equal(41, instance.Invoke("bump", 1)[0].AsInt32());
            Assert.Equal(43, instance.Invoke("bump", 2)[0].AsInt32());
            Assert.Equal(3L, instance.Invoke("get-wide")[0].AsInt64());
        }
    }

    [Fact]
    public void Multi_value_functions_and_blocks_return_several_values()
    {
        using WamrModule module = Load("features/multi-value.wasm");
        using (WamrInstance instance = module.Instantiate())
        {
            WasmValue[] quotientAndRemainder = instance.Invoke("divmod", 47, 5);
            Assert.Equal([9, 2], quotientAndRemainder.Select(v => v.AsInt32()));
            Assert.Equal(2001, instance.Invoke("swap-combine", 1, 2)[0].AsInt32());
            Assert.Equal(11, instance.Invoke("divmod-sum", 47, 5)[0].AsInt32());
            WasmValue[] pair = instance.Invoke("pair-i64", -7L);
            Assert.Equal(-7L, pair[0].AsInt64());
            Assert.Equal(-7.0, pair[1].AsDouble());
        }
    }

    [Fact]
    public void Reference_types_give_several_tables_and_the_table_instructions()
    {
        using WamrModule module = Load("features/reference-types.wasm");
        using (WamrInstance instance = module.Instantiate())
        {
            Assert.Equal(14, instance.Invoke("call-second", 0, 7)[0].AsInt32());   // $double via $second[3]
            Assert.Equal(21, instance.Invoke("call-second", 1, 7)[0].AsInt32());   // $triple via $second[3]
            Assert.Equal(-7, instance.Invoke("call-ref-func", 7)[0].AsInt32());   // ref.func $negate in $second[0]
            Assert.Equal(4, instance.Invoke("size-second")[0].AsInt32());
            Assert.Equal(4, instance.Invoke("grow-second", 2)[0].AsInt32());
            Assert.Equal(-1, instance.Invoke("grow-second", 3)[0].AsInt32());     // past the maximum of 8
            Assert.Equal(6, instance.Invoke("size-second")[0].AsInt32());
            Assert.Equal(4, instance.Invoke("fill-and-count")[0].AsInt32());      // [0], [1], [2] and [3]
            Assert.Equal(1, instance.Invoke("externref-null")[0].AsInt32());
        }
        using WamrInstance second = module.Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => second.Invoke("call-null"));
        Assert.Contains("uninitialized element", trap.TrapMessage);
    }
}
