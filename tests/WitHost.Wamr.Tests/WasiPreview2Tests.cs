using WitHost.Wamr.Binary;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Validation;
using WitHost.Wamr.Values;

namespace WitHost.Wamr.Tests;

/// <summary>
/// The plain WASI 0.2 functions the runtime serves (tests/guests/wasip2.c imports them by the core
/// names a wasm32-wasip2 main module uses): what the guest gets, and that a world's check accepts them.
/// </summary>
public sealed class WasiPreview2Tests
{
    private static readonly Lazy<byte[]> s_bytes = new(() => CrossCheck.Tests.GuestMode.Prepare(
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "wasip2.wasm"))));

    private static WamrInstance Instantiate(WamrEngine engine, WasiOptions? wasi = null, HostImports? imports = null) =>
        engine.LoadModule(s_bytes.Value).Instantiate(imports, new InstanceOptions { Wasi = wasi });

    private static byte[] List(WamrInstance instance, uint area, int elementSize)
    {
        var memory = instance.Memory;
        uint pointer = memory.ReadUInt32(area);
        uint length = memory.ReadUInt32(area + 4);
        return memory.Slice(pointer, length * (uint)elementSize).ToArray();
    }

    private static string Text(WamrInstance instance, uint stringAt)
    {
        var memory = instance.Memory;
        return System.Text.Encoding.UTF8.GetString(memory.Slice(memory.ReadUInt32(stringAt), memory.ReadUInt32(stringAt + 4)));
    }

    [Theory]
    [InlineData("random-bytes")]
    [InlineData("insecure-random-bytes")]
    public void Random_bytes_have_the_length_asked_for_and_differ_between_calls(string export)
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        byte[] first = List(instance, instance.Invoke(export, 32L)[0].AsUInt32(), 1);
        byte[] second = List(instance, instance.Invoke(export, 32L)[0].AsUInt32(), 1);
        byte[] none = List(instance, instance.Invoke(export, 0L)[0].AsUInt32(), 1);

        Assert.Equal(32, first.Length);
        Assert.Equal(32, second.Length);
        Assert.NotEqual(first, second);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("random-bytes")]
    [InlineData("insecure-random-bytes")]
    public void Random_bytes_are_made_in_the_guest_memory_without_the_host_allocating_their_length(string export)
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);
        const int length = 16 << 20;

        long before = GC.GetAllocatedBytesForCurrentThread();
        uint area = instance.Invoke(export, (long)length)[0].AsUInt32();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        byte[] bytes = List(instance, area, 1);
        Assert.Equal(length, bytes.Length);
        Assert.True(bytes.Distinct().Count() > 200, "16 MiB of random bytes hold nearly every byte value");
        Assert.True(allocated < 64 << 10, $"the host allocated {allocated} bytes for {length} random bytes");
    }

    [Theory]
    [InlineData("random-bytes")]
    [InlineData("insecure-random-bytes")]
    public void A_request_longer_than_a_list_may_be_traps_before_anything_is_made(string export)
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);
        const long length = (long)CanonicalRules.MaxByteLength + 1;

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke(export, length));

        Assert.Contains($"{length} random bytes were asked for", trap.Message);
    }

    [Theory]
    [InlineData("random-u64")]
    [InlineData("insecure-random-u64")]
    public void Random_u64_values_differ_between_calls(string export)
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        var values = Enumerable.Range(0, 4).Select(_ => instance.Invoke(export)[0].AsInt64()).ToHashSet();

        Assert.Equal(4, values.Count);
    }

    [Fact]
    public void The_insecure_seed_is_two_random_u64_values()
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        uint area = instance.Invoke("insecure-seed")[0].AsUInt32();
        (ulong, ulong) first = (instance.Memory.ReadUInt64(area), instance.Memory.ReadUInt64(area + 8));
        instance.Invoke("insecure-seed");
        (ulong, ulong) second = (instance.Memory.ReadUInt64(area), instance.Memory.ReadUInt64(area + 8));

        Assert.NotEqual(first.Item1, first.Item2);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_monotonic_clock_counts_nanoseconds_forward()
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        long before = instance.Invoke("monotonic-now")[0].AsInt64();
        Thread.Sleep(20);
        long after = instance.Invoke("monotonic-now")[0].AsInt64();
        long resolution = instance.Invoke("monotonic-resolution")[0].AsInt64();

        Assert.InRange(after - before, 15_000_000L, 5_000_000_000L);
        Assert.InRange(resolution, 1L, 1_000_000L);
    }

    [Theory]
    [InlineData(1_000_000_000L, 1ul)]
    [InlineData(10_000_000L, 100ul)]
    [InlineData(3_579_545L, 280ul)]
    [InlineData(3_000_000_000L, 1ul)]
    public void The_monotonic_resolution_is_one_tick_rounded_up_to_whole_nanoseconds(long frequency, ulong nanoseconds)
        => Assert.Equal(nanoseconds, WasiPreview2Functions.TickNanoseconds(frequency));

    [Fact]
    public void The_wall_clock_is_the_time_since_the_unix_epoch()
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        uint area = instance.Invoke("wall-now")[0].AsUInt32();
        var now = DateTimeOffset.UnixEpoch.AddSeconds(instance.Memory.ReadUInt64(area)).AddTicks(instance.Memory.ReadUInt32(area + 8) / 100);
        uint nanoseconds = instance.Memory.ReadUInt32(area + 8);
        instance.Invoke("wall-resolution");
        (ulong Seconds, uint Nanoseconds) resolution = (instance.Memory.ReadUInt64(area), instance.Memory.ReadUInt32(area + 8));

        Assert.InRange((now - DateTimeOffset.UtcNow).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(nanoseconds, 0u, 999_999_999u);
        Assert.Equal((0ul, 100u), resolution);
    }

    [Fact]
    public void The_environment_and_arguments_are_the_instances_wasi_options()
    {
        using var engine = new WamrEngine();
        var wasi = new WasiOptions
        {
            Arguments = ["guest", "--flag", "välue"],
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello there", ["EMPTY"] = "" },
        };
        using var instance = Instantiate(engine, wasi);

        uint area = instance.Invoke("environment")[0].AsUInt32();
        uint entries = instance.Memory.ReadUInt32(area);
        var environment = Enumerable.Range(0, (int)instance.Memory.ReadUInt32(area + 4))
            .ToDictionary(i => Text(instance, entries + (uint)i * 16), i => Text(instance, entries + (uint)i * 16 + 8));
        area = instance.Invoke("arguments")[0].AsUInt32();
        uint strings = instance.Memory.ReadUInt32(area);
        var arguments = Enumerable.Range(0, (int)instance.Memory.ReadUInt32(area + 4)).Select(i => Text(instance, strings + (uint)i * 8)).ToList();
        area = instance.Invoke("initial-cwd")[0].AsUInt32();

        Assert.Equal(wasi.Environment, environment);
        Assert.Equal(wasi.Arguments, arguments);
        Assert.Equal(0, instance.Memory.ReadByte(area));
    }

    [Fact]
    public void Without_wasi_options_the_environment_and_arguments_are_empty()
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        Assert.Equal(0u, instance.Memory.ReadUInt32(instance.Invoke("environment")[0].AsUInt32() + 4));
        Assert.Equal(0u, instance.Memory.ReadUInt32(instance.Invoke("arguments")[0].AsUInt32() + 4));
    }

    [Theory]
    [InlineData("exit", 0, 0)]
    [InlineData("exit", 1, 1)]
    [InlineData("exit-with-code", 0, 0)]
    [InlineData("exit-with-code", 42, 42)]
    [InlineData("exit-with-code", 255, 255)]
    [InlineData("proc-exit", 0, 0)]
    [InlineData("proc-exit", 3, 3)]
    [InlineData("proc-exit", -1, -1)]
    public void Exit_ends_the_guests_work_and_the_call_returns_with_the_exit_status(string export, int argument, int status)
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        instance.Invoke(export, argument);

        Assert.Equal(status, instance.ExitStatus);
        Assert.Equal(0, instance.Invoke("ran-after-exit")[0].AsInt32());
        Assert.False(instance.IsFaulted);
        Assert.Equal(8, List(instance, instance.Invoke("random-bytes", 8L)[0].AsUInt32(), 1).Length);
    }

    [Fact]
    public void The_exit_status_is_the_last_exports_and_none_for_one_that_returned()
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        Assert.Null(instance.ExitStatus);
        instance.Invoke("proc-exit", 9);
        Assert.Equal(9, instance.ExitStatus);
        instance.Invoke("exit", 0);
        Assert.Equal(0, instance.ExitStatus);
        instance.Invoke("random-u64");
        Assert.Null(instance.ExitStatus);
    }

    [Fact]
    public void An_exit_in_a_call_a_host_function_made_back_into_the_guest_ends_the_outer_call_too()
    {
        using var engine = new WamrEngine();
        // The host's own exit calls back into the guest, whose proc_exit ends that call.
        var imports = new HostImports().Define("wasi:cli/exit@0.2.4", "exit", call => call.Instance.Invoke("proc-exit", 5));
        using var instance = Instantiate(engine, imports: imports);

        instance.Invoke("exit", 0);

        Assert.Equal(5, instance.ExitStatus);
        Assert.Equal(0, instance.Invoke("ran-after-exit")[0].AsInt32());
        Assert.False(instance.IsFaulted);
    }

    [Fact]
    public void Exit_with_code_takes_the_low_8_bits_of_its_i32_as_the_canonical_abi_lifts_a_u8()
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        instance.Invoke("exit-with-code", 0x1_03);

        Assert.Equal(3, instance.ExitStatus);
    }

    [Fact]
    public void Exit_with_a_status_that_is_neither_ok_nor_err_traps()
    {
        using var engine = new WamrEngine();
        using var instance = Instantiate(engine);

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("exit", 2));

        Assert.Contains("wasi:cli/exit@0.2.4::exit", trap.Message);
        Assert.Contains("discriminant", trap.Message);
        Assert.Null(instance.ExitStatus);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public void A_hosts_own_definition_wins()
    {
        using var engine = new WamrEngine();
        var imports = new HostImports().Define("wasi:clocks/monotonic-clock@0.2.4", "now", call => call.SetResult(42L));
        using var instance = Instantiate(engine, imports: imports);

        Assert.Equal(42L, instance.Invoke("monotonic-now")[0].AsInt64());
    }

    [Fact]
    public void A_world_without_wasi_imports_accepts_the_served_functions_and_refuses_the_rest()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(s_bytes.Value);
        var contract = new GuestContract("test:c/w", StringEncoding.Utf8, needsMemory: false, imports: [], exports: []);
        var served = module.Info.FunctionImports;
        ModuleImport[] refused =
        [
            new("wasi:clocks/monotonic-clock@0.2.4", "subscribe-duration", FunctionType.Parse("(i64) -> (i32)")),
            new("wasi:random/random@0.3.0", "get-random-u64", FunctionType.Parse("() -> (i64)")),
            new("wasi:random/random@0.2.4", "get-random-u64", FunctionType.Parse("() -> (i32)")),
        ];

        Assert.Empty(contract.Check(module.Info));
        var mismatches = contract.Check(module.Info with { FunctionImports = [.. served, .. refused] });
        Assert.Equal(
            [(GuestMismatchKind.UnknownImport, "subscribe-duration"), (GuestMismatchKind.UnknownImport, "get-random-u64"), (GuestMismatchKind.ImportSignature, "get-random-u64")],
            mismatches.Select(m => (m.Kind, m.Name)));
    }
    [Theory]
    [InlineData(0L, 0L, 0L)]
    [InlineData(15_000_000_123L, 1_500L, 12_300L)]
    [InlineData(-1L, 0L, 0L)]
    [InlineData(-15_000_000_123L, 0L, 0L)]
    public void A_wall_clock_datetime_counts_from_the_epoch_and_a_clock_before_it_gives_the_epoch(long ticks, long seconds, long nanoseconds)
    {
        var value = Assert.IsType<WitTupleValue>(WasiPreview2Functions.DateTime(TimeSpan.FromTicks(ticks)));

        Assert.Equal((Int128)seconds, Assert.IsType<WitIntegerValue>(value.Elements[0]).Value);
        Assert.Equal((Int128)nanoseconds, Assert.IsType<WitIntegerValue>(value.Elements[1]).Value);
    }
}
