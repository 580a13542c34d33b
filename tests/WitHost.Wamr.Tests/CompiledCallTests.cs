using WitHost.CrossCheck.Tests;

namespace WitHost.Wamr.Tests;

/// <summary>
/// Calls into compiled code: the runtime calls an AOT-compiled export with an integer signature
/// of up to eight parameters directly (runtime-wamr/native/calls/withost_call.c) and any other
/// through WAMR's general path. Every case runs on the interpreter and on compiled code, against
/// results worked out here, so an argument in the wrong register or stack slot, a lost half of
/// an i64, or a trap reported as a return fails in the compiled run.
/// </summary>
public sealed class CompiledCallTests : IDisposable
{
    private static readonly Lazy<byte[]> s_wasm = new(() => GuestFiles.Read("signatures.wasm"));
    private static readonly Lazy<byte[]> s_compiled = new(() => GuestMode.Compile(s_wasm.Value));
    private static readonly Lazy<byte[]> s_coreCompiled = new(() => GuestMode.Compile(CoreGuest.Bytes));

    private readonly WamrEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    public static TheoryData<bool> Modes => new() { false, true };

    private WamrModule Load(bool compiled) => _engine.LoadModule(compiled ? s_compiled.Value : s_wasm.Value);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Eight_mixed_integer_parameters_each_arrive_in_their_place(bool compiled)
    {
        using WamrModule module = Load(compiled);
        Assert.Equal(compiled, module.IsAheadOfTimeCompiled);
        using WamrInstance instance = module.Instantiate();

        // Negative i32s (sign-extended by the guest) and i64s beyond 32 bits in both halves.
        int[] small = [-7, 1_000_003, int.MinValue, 65_537];
        long[] large = [0x1_0000_0001, -0x7_0000_0005, long.MaxValue / 64, -3];
        WasmValue[] arguments =
        [
            small[0], large[0], small[1], large[1], small[2], large[2], small[3], large[3],
        ];
        long expected = unchecked(
            small[0] * 1L + large[0] * 3 + small[1] * 5L + large[1] * 7
            + small[2] * 9L + large[2] * 11 + small[3] * 13L + large[3] * 15);

        Assert.Equal(expected, instance.Invoke("weigh-mixed-8", arguments)[0].AsInt64());
        // Again with the arguments rotated: a slot the call fills from a stale value shows here.
        WasmValue[] rotated = [small[3], large[3], small[0], large[0], small[1], large[1], small[2], large[2]];
        long expectedRotated = unchecked(
            small[3] * 1L + large[3] * 3 + small[0] * 5L + large[0] * 7
            + small[1] * 9L + large[1] * 11 + small[2] * 13L + large[2] * 15);
        Assert.Equal(expectedRotated, instance.Invoke("weigh-mixed-8", rotated)[0].AsInt64());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Nine_parameters_take_the_general_path_with_the_same_result(bool compiled)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate();
        int[] values = [11, -22, 33, -44, 55, -66, 77, -88, 99];

        int expected = 0;
        for (int i = 0; i < values.Length; i++)
        {
            expected = unchecked(expected + values[i] * (2 * i + 1));
        }
        WasmValue[] arguments = [.. values.Select(v => (WasmValue)v)];
        Assert.Equal(expected, instance.Invoke("weigh-i32-9", arguments)[0].AsInt32());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void An_i64_result_keeps_both_halves(bool compiled)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate();

        Assert.Equal(0x1234_5678_EDCB_A987UL, instance.Invoke("halves", 0x1234_5678)[0].AsUInt64());
        Assert.Equal(0xFFFF_FFFF_0000_0000UL, instance.Invoke("halves", -1)[0].AsUInt64());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_float_parameter_among_integers_takes_the_general_path(bool compiled)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate();

        long result = instance.Invoke("weigh-with-f64", -5, 1234.75, 0x2_0000_0000L)[0].AsInt64();
        Assert.Equal(-5 + 1234 * 3 + 0x2_0000_0000L * 5, result);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_trap_in_a_directly_called_function_is_a_trap_not_a_result(bool compiled)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate();
        Assert.Equal(36, instance.Invoke("sum-or-trap", 1, 2, 3, 4, 5, 6, 7, 8)[0].AsInt32());

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("sum-or-trap", 1, -1, 2, -2, 3, -3, 4, -4));
        Assert.Contains("unreachable", trap.TrapMessage);
        Assert.True(instance.IsFaulted);
    }

    [Theory]
    [InlineData(16 * 1024, 512)]
    [InlineData(512, 16 * 1024)]
    public void Compiled_code_checks_the_native_stack_of_whichever_thread_calls_it(int firstStackKiB, int secondStackKiB)
    {
        // The compiled code tests the stack against a boundary WAMR keeps per execution
        // environment; each call must set it for the calling thread. One instance is called on
        // a thread, then on another with a stack of another size: a shallow call succeeds on
        // both, and endless recursion on the second is a stack-overflow trap. A boundary left
        // from the first thread would stop the shallow call on the second, or let the recursion
        // run past the end of its stack.
        using WamrModule module = _engine.LoadModule(s_coreCompiled.Value);
        using WamrInstance instance = module.Instantiate(CoreGuest.DefaultImports());

        OnThread(firstStackKiB, () => Assert.Equal(200, instance.Invoke("recurse", 0, 100)[0].AsInt32()));
        OnThread(secondStackKiB, () =>
        {
            Assert.Equal(200, instance.Invoke("recurse", 0, 100)[0].AsInt32());
            var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("recurse", 0, int.MaxValue));
            Assert.Contains("stack overflow", trap.TrapMessage);
        });
    }

    [Fact]
    public void Compiled_code_checks_the_stack_of_each_thread_when_threads_take_turns()
    {
        // The boundary is set again only when the thread changes: a thread that made the last
        // call keeps the one it set. Two threads with stacks of different sizes (and places)
        // take turns on one instance, each calling twice in a row; a boundary kept from the
        // other thread would stop a shallow call, or let the endless recursion at the end run
        // past the small stack.
        using WamrModule module = _engine.LoadModule(s_coreCompiled.Value);
        using WamrInstance instance = module.Instantiate(CoreGuest.DefaultImports());
        Action shallow = () => Assert.Equal(200, instance.Invoke("recurse", 0, 100)[0].AsInt32());
        (int Thread, Action Call)[] steps =
        [
            (0, shallow), (0, shallow), (1, shallow), (1, shallow), (0, shallow), (0, shallow),
            (1, shallow),
            (1, () => Assert.Contains("stack overflow", Assert.Throws<WasmTrapException>(() => instance.Invoke("recurse", 0, int.MaxValue)).TrapMessage)),
        ];
        ThreadTurns.Run([16 * 1024, 512], steps);
    }

    private static void OnThread(int stackKiB, Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, stackKiB * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            Assert.Fail($"on a thread with {stackKiB} KiB of stack: {failure}");
        }
    }
}
