using WitHost.Wamr.Bindings;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Tests;

/// <summary>
/// Calls of bounded scalar exports (tests/guests/bounded.wat), which skip the GC transition:
/// which exports are bounded, and that such a call keeps every rule of the general path.
/// </summary>
public sealed class BoundedCallTests : IDisposable
{
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;
    private Action _tick = () => { };

    public BoundedCallTests()
    {
        _module = _engine.LoadModule(GuestFiles.Loadable("bounded.wasm"));
    }

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    private WamrInstance Instantiate(InstanceOptions? options = null) =>
        _module.Instantiate(new HostImports().Define("test", "tick", _ => _tick()), options);

    [Fact]
    public void Short_functions_that_reach_no_loop_host_or_bulk_instruction_are_bounded()
    {
        Assert.Equal(
            ["add", "add64", "load", "long-once", "noop", "pages", "pick", "traps", "twice-seven"],
            _module.Info.BoundedExports.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bounded_export_without_post_return_is_called_without_the_transition()
    {
        using WamrInstance instance = Instantiate();
        Assert.True(ScalarExport.Bind(instance, "add", null, 2).IsBounded);
        Assert.False(ScalarExport.Bind(instance, "ticks", null, 1).IsBounded);
        Assert.False(ScalarExport.Bind(instance, "tick", null, 1).IsBounded);
    }

    [Fact]
    public void Bounded_calls_return_what_the_guest_computes()
    {
        using WamrInstance instance = Instantiate();
        Assert.Equal(5u, Call(instance, "add", 2, 3)[0]);
        Assert.Equal(0u, Call(instance, "add", uint.MaxValue, 1)[0]);
        Span<uint> wide = [0xFFFF_FFFF, 1, 1, 2];
        ScalarExport.Bind(instance, "add64", null, 4).Invoke(wide);
        Assert.Equal((0x1_FFFF_FFFFUL + 0x2_0000_0001UL), wide[0] | ((ulong)wide[1] << 32));
        Assert.Equal(14u, Call(instance, "twice-seven")[0]);
        Assert.Equal(3u, Call(instance, "pick", 0)[0]);
        Assert.Equal(1u, Call(instance, "pick", 5)[0]);
        Assert.Equal(1u, Call(instance, "pages")[0]);
        Assert.Equal(1u, Call(instance, "long-once")[0]);
    }

    [Fact]
    public void A_trap_faults_the_instance_as_any_call_does()
    {
        using WamrInstance instance = Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => Call(instance, "traps"));
        Assert.Contains("unreachable", trap.Message);
        Assert.True(instance.IsFaulted);
        Assert.Throws<WasmInstanceFaultedException>(() => Call(instance, "noop"));
    }

    [Fact]
    public void A_load_outside_the_memory_traps()
    {
        using WamrInstance instance = Instantiate();
        Assert.Equal(0u, Call(instance, "load", 65532)[0]);
        var trap = Assert.Throws<WasmTrapException>(() => Call(instance, "load", 65533));
        Assert.Contains("out of bounds", trap.Message);
    }

    [Fact]
    public void A_disposed_instance_refuses_the_call()
    {
        WamrInstance instance = Instantiate();
        ScalarExport noop = ScalarExport.Bind(instance, "noop", null, 1);
        instance.Dispose();
        Assert.Throws<ObjectDisposedException>(() => noop.Invoke(stackalloc uint[1]));
    }

    [Fact]
    public void A_host_function_that_calls_a_bounded_export_of_its_instance_is_a_re_entrance_trap()
    {
        using WamrInstance instance = Instantiate();
        ScalarExport noop = ScalarExport.Bind(instance, "noop", null, 1);
        _tick = () => noop.Invoke(stackalloc uint[1]);
        var trap = Assert.Throws<WasmTrapException>(() => Call(instance, "ticks"));
        Assert.Contains("re-entrance", trap.Message);
    }

    [Fact]
    public void A_call_under_a_cancelled_token_is_stopped_as_any_call_is()
    {
        using WamrInstance instance = Instantiate();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using (instance.Cancellation(cancelled.Token))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => Call(instance, "noop"));
        }
    }

    [Fact]
    public void An_instance_with_a_call_timeout_calls_bounded_exports_the_general_way()
    {
        using WamrInstance instance = Instantiate(new InstanceOptions { CallTimeout = TimeSpan.FromSeconds(30) });
        ScalarExport add = ScalarExport.Bind(instance, "add", null, 2);
        Assert.False(add.IsBounded);
        Assert.Equal(5u, Call(instance, "add", 2, 3)[0]);
    }

    [Fact]
    public void A_bounded_call_after_an_exit_clears_the_exit_status()
    {
        using WamrInstance instance = Instantiate();
        instance.Invoke("exits", 3);
        Assert.Equal(3, instance.ExitStatus);
        Call(instance, "noop");
        Assert.Null(instance.ExitStatus);
    }

    [Fact]
    public void A_bounded_call_is_a_span_when_telemetry_listens()
    {
        using WamrModule module = _engine.LoadModule(GuestFiles.Loadable("bounded.wasm"), new ModuleOptions { Name = "bounded-telemetry" });
        using WamrInstance instance = module.Instantiate(new HostImports().Define("test", "tick", _ => { }));
        using var recorder = new TelemetryRecorder("bounded-telemetry");
        Assert.Equal(5u, Call(instance, "add", 2, 3)[0]);
        Assert.Equal("add", Assert.Single(recorder.Activities).DisplayName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Bounded_calls_set_the_stack_boundary_again_when_the_thread_changes(int first)
    {
        // The interpreter checks each call's native stack against a boundary the instance keeps
        // for the thread that called last: a boundary kept from the other thread makes a shallow
        // call a "native stack overflow" when that thread's stack lies above this one's. Which
        // lies above is the system's choice, so each thread calls first on an instance of its own.
        using WamrInstance instance = Instantiate();
        ScalarExport add = ScalarExport.Bind(instance, "add", null, 2);
        Action call = () =>
        {
            Span<uint> cells = [2, 3];
            add.Invoke(cells);
            Assert.Equal(5u, cells[0]);
        };
        int other = 1 - first;
        ThreadTurns.Run([16 * 1024, 512], (first, call), (first, call), (other, call), (other, call), (first, call), (other, call));
    }

    [Fact]
    public void Bounded_calls_stay_correct_while_other_threads_collect_garbage()
    {
        // A bounded call leaves the thread in cooperative mode and its cells unpinned: a collection
        // must wait for the call to return, and a cell array the collector moves between calls must
        // still be where the next call reads and writes it.
        using WamrInstance instance = Instantiate();
        ScalarExport add = ScalarExport.Bind(instance, "add", null, 2);
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                _ = new byte[1024];
                GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        });
        collector.Start();
        try
        {
            for (int i = 0; i < 200_000; i++)
            {
                uint[] cells = [(uint)i, 7];
                _ = new object();
                add.Invoke(cells);
                Assert.Equal((uint)i + 7, cells[0]);
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }

    private static uint[] Call(WamrInstance instance, string export, params uint[] arguments)
    {
        uint[] cells = [.. arguments, 0];
        ScalarExport.Bind(instance, export, null, cells.Length).Invoke(cells);
        return cells;
    }
}
