using System.Runtime.CompilerServices;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Tests;

/// <summary>
/// Exports that provably finish in a short, bounded time without calling the host are called
/// without the P/Invoke's GC transition (<see cref="BoundedFunctionAnalysis"/>). Which exports
/// qualify is checked against tests/guests/bounded.wat, whose unbounded exports each break one
/// part of the rule; and every guarantee a call keeps (its result, a trap, a fault, a stack
/// check, Dispose and cancellation from another thread, other threads' garbage collections) is
/// checked on such calls, on the interpreter and on compiled code.
/// </summary>
public sealed class BoundedCallTests : IDisposable
{
    public const string HostModule = "test:bounded/host";

    private static readonly Lazy<byte[]> s_wasm = new(() => GuestFiles.Read("bounded.wasm"));
    private static readonly Lazy<byte[]> s_compiled = new(() => GuestMode.Compile(s_wasm.Value));

    private static readonly string[] s_bounded = ["noop", "add", "divide", "trap", "load", "chain"];
    private static readonly string[] s_unbounded =
        ["with-loop", "calls-host", "calls-indirect", "recursive", "mutual", "grows", "fills", "fan-out", "many-locals", "reexported-host"];

    private readonly WamrEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    public static TheoryData<bool> Modes => new() { false, true };

    public static Hosting.HostImports Imports() => new Hosting.HostImports().Define(HostModule, "tick", call => call.SetResult(5));

    private WamrModule Load(bool compiled) => _engine.LoadModule(compiled ? s_compiled.Value : s_wasm.Value);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Exactly_the_exports_the_rule_allows_run_bounded(bool compiled)
    {
        using WamrModule module = Load(compiled);
        Assert.Equal(compiled, module.IsAheadOfTimeCompiled);
        using WamrInstance instance = module.Instantiate(Imports());

        foreach (string name in s_bounded)
        {
            Assert.True(instance.GetFunction(name).RunsBounded, name);
        }
        foreach (string name in s_unbounded)
        {
            Assert.False(instance.GetFunction(name).RunsBounded, name);
        }
    }

    [Fact]
    public void The_anchor_guests_scalar_exports_run_bounded_and_its_string_export_does_not()
    {
        WasmModuleInfo info = WasmModuleReader.Read(GuestFiles.Read("anchor.wasm"));

        Assert.True(info.IsBoundedExport("noop"));
        Assert.True(info.IsBoundedExport("add"));
        Assert.False(info.IsBoundedExport("upper"));
        Assert.False(info.IsBoundedExport("memory"));
    }

    [Fact]
    public void A_long_chain_of_calls_is_walked_without_exhausting_the_stack()
    {
        // Function i calls i + 1, each costing 1 and its call: only the last MaxCost / 2 fit the bound.
        const int Length = 200_000;
        var bodies = new FunctionBodySummary[Length];
        for (int i = 0; i < Length; i++)
        {
            bodies[i] = new FunctionBodySummary(2, i + 1 < Length ? [(uint)(i + 1 + 3)] : [], false);
        }

        bool[] bounded = BoundedFunctionAnalysis.BoundedFunctions(3, bodies);

        int firstBounded = Array.IndexOf(bounded, true);
        Assert.Equal(Length - (int)BoundedFunctionAnalysis.MaxCost / 2, firstBounded);
        Assert.All(bounded[firstBounded..], Assert.True);
    }

    [Fact]
    public void A_cycle_leaves_every_function_on_it_and_above_it_unbounded_and_the_rest_bounded()
    {
        // 0 -> 1 -> 2 -> 1 (a cycle); 3 -> 4; 5 -> 0; 6 calls import 0; 7 calls function 99 (none).
        FunctionBodySummary Body(params uint[] callees) => new(3, [.. callees.Select(c => c + 1)], false);
        FunctionBodySummary[] bodies = [Body(1), Body(2), Body(1), Body(4), Body(), Body(0), new(3, [0], false), Body(99)];

        bool[] bounded = BoundedFunctionAnalysis.BoundedFunctions(1, bodies);

        Assert.Equal([false, false, false, true, true, false, false, false], bounded);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Bounded_and_unbounded_calls_return_the_same_results_as_worked_out_here(bool compiled)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate(Imports());

        Assert.Empty(instance.Invoke("noop"));
        Assert.Equal(-3, instance.Invoke("add", 4, -7)[0].AsInt32());
        Assert.Equal(int.MinValue + 1, instance.Invoke("add", int.MaxValue, 2)[0].AsInt32());
        Assert.Equal(-7, instance.Invoke("divide", -15, 2)[0].AsInt32());
        Assert.Equal(20, instance.Invoke("chain")[0].AsInt32());
        Assert.Equal(0, instance.Invoke("with-loop", 10)[0].AsInt32());
        Assert.Equal(5, instance.Invoke("calls-host")[0].AsInt32());
        Assert.Equal(400, instance.Invoke("fan-out")[0].AsInt32());
        Assert.Equal(0, instance.Invoke("mutual", 9)[0].AsInt32());
    }

    [Theory]
    [InlineData(false, "divide", "integer divide by zero")]
    [InlineData(true, "divide", "integer divide by zero")]
    [InlineData(false, "trap", "unreachable")]
    [InlineData(true, "trap", "unreachable")]
    [InlineData(false, "load", "out of bounds memory access")]
    [InlineData(true, "load", "out of bounds memory access")]
    public void A_trap_in_a_bounded_call_faults_the_instance(bool compiled, string function, string message)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate(Imports());
        WasmValue[] arguments = function switch
        {
            "divide" => [1, 0],
            "load" => [65_535],
            _ => [],
        };
        Assert.True(instance.GetFunction(function).RunsBounded);

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke(function, arguments));

        Assert.Contains(message, trap.TrapMessage, StringComparison.Ordinal);
        Assert.True(instance.IsFaulted);
        Assert.Throws<WasmInstanceFaultedException>(() => instance.Invoke("add", 1, 2));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_bounded_call_with_too_little_stack_left_is_a_trap(bool compiled)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate(Imports());
        Exception? failure = null;
        var thread = new Thread(() => failure = Record(() => CallWithStackUsedUp(instance)), 1 << 20);
        thread.Start();
        thread.Join();

        var trap = Assert.IsType<WasmTrapException>(failure);
        Assert.Equal(WamrInstance.NativeStackExhaustedMessage, trap.TrapMessage);
        Assert.True(instance.IsFaulted);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallWithStackUsedUp(WamrInstance instance)
    {
        // Uses the stack a frame at a time until .NET reports too little left, then calls.
        Span<byte> frame = stackalloc byte[1024];
        frame[0] = 1;
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            CallWithStackUsedUp(instance);
            return;
        }
        instance.Invoke("add", (int)frame[0], 2);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Deadlines_and_tokens_watch_bounded_calls_as_any_other(bool compiled)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate(Imports());
        using var source = new CancellationTokenSource();

        using (instance.Deadline(TimeSpan.FromSeconds(30), source.Token))
        {
            Assert.Equal(3, instance.Invoke("add", 1, 2)[0].AsInt32());
            source.Cancel();
            // A call under a token already cancelled does not start.
            Assert.Throws<OperationCanceledException>(() => instance.Invoke("add", 1, 2));
        }

        Assert.False(instance.IsFaulted);
        Assert.Equal(7, instance.Invoke("add", 3, 4)[0].AsInt32());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Dispose_from_another_thread_stops_a_thread_making_bounded_calls(bool compiled)
    {
        using WamrModule module = Load(compiled);
        WamrInstance instance = module.Instantiate(Imports());
        WamrFunction add = instance.GetFunction("add");
        using var started = new ManualResetEventSlim();
        long calls = 0;
        Exception? failure = null;
        var caller = new Thread(() => failure = Record(() =>
        {
            Span<uint> cells = stackalloc uint[2];
            while (true)
            {
                cells[0] = (uint)calls;
                cells[1] = 1;
                add.InvokeCells(cells);
                Assert.Equal((uint)calls + 1, cells[0]);
                if (++calls == 1_000)
                {
                    started.Set();
                }
            }
        }));
        caller.Start();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));

        instance.Dispose();

        Assert.True(caller.Join(TimeSpan.FromSeconds(30)));
        Assert.IsType<ObjectDisposedException>(failure);
        Assert.Throws<ObjectDisposedException>(() => instance.Invoke("noop"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Garbage_collections_on_another_thread_go_on_during_many_bounded_calls(bool compiled)
    {
        using WamrModule module = Load(compiled);
        using WamrInstance instance = module.Instantiate(Imports());
        WamrFunction add = instance.GetFunction("add");
        Assert.True(add.RunsBounded);
        const int Calls = 300_000;
        int done = 0;
        int collections = 0;
        Exception? collectorFailure = null;
        var collector = new Thread(() => collectorFailure = Record(() =>
        {
            var kept = new List<byte[]>();
            while (Volatile.Read(ref done) == 0)
            {
                // Garbage to collect, some of it kept across collections so that objects move.
                kept.Add(new byte[1024]);
                if (kept.Count > 256)
                {
                    kept.RemoveRange(0, 128);
                }
                GC.Collect(collections % 3, GCCollectionMode.Forced, blocking: true, compacting: true);
                collections++;
            }
        }));
        collector.Start();
        int gen0Before = GC.CollectionCount(0);

        Span<uint> cells = stackalloc uint[2];
        for (int i = 0; i < Calls; i++)
        {
            cells[0] = (uint)i;
            cells[1] = 3;
            add.InvokeCells(cells);
            Assert.Equal((uint)i + 3, cells[0]);
        }
        Volatile.Write(ref done, 1);

        Assert.True(collector.Join(TimeSpan.FromSeconds(60)));
        Assert.Null(collectorFailure);
        Assert.True(collections > 10, $"only {collections} collections ran during the calls");
        Assert.True(GC.CollectionCount(0) - gen0Before >= collections);
        Assert.False(instance.IsFaulted);
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
