using System.Diagnostics;
using WitHost.Wamr.Hosting;
using Xunit.Abstractions;

namespace WitHost.Wamr.Tests;

/// <summary>
/// A guest that never returns (tests/guests/runaway.c) is stopped by a deadline, a cancellation
/// token or Dispose from another thread, promptly, and its instance is faulted.
/// </summary>
public sealed class RunawayGuestTests(ITestOutputHelper output) : IDisposable
{
    // Generous bounds for a shared, loaded machine; the measured figures are printed and
    // docs/reliability.md gives them.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(1);

    // How long a test waits for a guest that should have been stopped before failing, so that a
    // broken mechanism fails the test instead of hanging the run.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(20);

    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module = LoadRunaway();
    private int _ticks;

    private static WamrModule LoadRunaway()
    {
        using var engine = new WamrEngine();
        return engine.LoadModule(GuestFiles.Loadable("runaway.wasm"));
    }

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    /// <summary>Runs <paramref name="call"/> on a thread of its own and returns the exception it
    /// ended with; fails if it has not ended after <see cref="GiveUpAfter"/>.</summary>
    private static async Task<TException> Stopped<TException>(Action call) where TException : Exception
    {
        Task running = Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Task first = await Task.WhenAny(running, Task.Delay(GiveUpAfter));
        Assert.True(first == running, "the guest was not stopped");
        return await Assert.ThrowsAsync<TException>(() => running);
    }

    /// <summary>Completes once the guest has called the host's <c>tick</c>: it is running.</summary>
    private async Task WhenTicked()
    {
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref _ticks) == 0)
        {
            Assert.True(clock.Elapsed < GiveUpAfter, "the guest never started");
            await Task.Delay(1);
        }
    }

    private WamrInstance Instantiate(InstanceOptions? options = null) => _module.Instantiate(
        new HostImports().Define("test:runaway/host", "tick", _ => Interlocked.Increment(ref _ticks)),
        options);

    [Theory]
    [InlineData("spin-forever")]
    [InlineData("spin-with-calls")]
    [InlineData("spin-calling-host")]
    public async Task The_instance_call_timeout_stops_a_spinning_guest_and_faults_the_instance(string export)
    {
        // Without _initialize, which the timeout would bound too (instantiation alone could outlast
        // 50 ms on a loaded machine): the only call it bounds is the one under test.
        using WamrInstance instance = Instantiate(new InstanceOptions { CallTimeout = TimeSpan.FromMilliseconds(50), RunReactorInitializer = false });
        var clock = Stopwatch.StartNew();
        var timeout = await Stopped<WasmTimeoutException>(() => instance.Invoke(export));
        TimeSpan late = clock.Elapsed - TimeSpan.FromMilliseconds(50);
        output.WriteLine($"{export}: stopped {late.TotalMilliseconds:0.00} ms after its deadline");

        Assert.InRange(late, TimeSpan.Zero, StopBound);
        Assert.Equal(export, timeout.FunctionName);
        Assert.Equal(TimeSpan.FromMilliseconds(50), timeout.Timeout);
        Assert.Contains("deadline", timeout.Message);
        Assert.True(instance.IsFaulted);
        var faulted = Assert.Throws<WasmInstanceFaultedException>(() => instance.Invoke("count", 1u, 1u));
        Assert.Same(timeout, faulted.InnerException);
    }

    [Fact]
    public async Task A_deadline_scope_stops_a_spinning_guest()
    {
        using WamrInstance instance = Instantiate();
        var clock = Stopwatch.StartNew();
        await Stopped<WasmTimeoutException>(() =>
        {
            using (instance.Deadline(TimeSpan.FromMilliseconds(30)))
            {
                instance.Invoke("spin-with-calls");
            }
        });
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(30) + StopBound);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public async Task A_scope_deadline_bounds_all_the_calls_inside_it_together()
    {
        using WamrInstance instance = Instantiate();
        TimeSpan secondCallTook = default;
        await Stopped<WasmTimeoutException>(() =>
        {
            using (instance.Deadline(TimeSpan.FromMilliseconds(100)))
            {
                // The first call finishes well inside the deadline; the time it and the pause
                // take count against the second, which is stopped as soon as it runs.
                Assert.Equal(ExpectedCount(7, 1000), instance.Invoke("count", 7u, 1000u)[0].AsUInt32());
                Thread.Sleep(150);
                var clock = Stopwatch.StartNew();
                try
                {
                    instance.Invoke("spin-forever");
                }
                finally
                {
                    secondCallTook = clock.Elapsed;
                }
            }
        });
        Assert.InRange(secondCallTook, TimeSpan.Zero, StopBound);
    }

    [Fact]
    public async Task An_inner_scope_can_shorten_the_deadline_but_not_extend_it()
    {
        using WamrInstance instance = Instantiate();
        var clock = Stopwatch.StartNew();
        var timeout = await Stopped<WasmTimeoutException>(() =>
        {
            using (instance.Deadline(TimeSpan.FromMilliseconds(40)))
            using (instance.Deadline(TimeSpan.FromMinutes(5)))
            {
                instance.Invoke("spin-forever");
            }
        });
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(40) + StopBound);
        Assert.Equal(TimeSpan.FromMilliseconds(40), timeout.Timeout);
    }

    [Fact]
    public void Calls_that_finish_in_time_are_left_alone_and_a_late_watchdog_never_hits_the_next_call()
    {
        // Each call takes microseconds; the timeout leaves room for the thread to be descheduled
        // for a while on a loaded machine, which a shorter one did not (a wall-clock deadline
        // counts that time too).
        using WamrInstance instance = Instantiate(new InstanceOptions { CallTimeout = TimeSpan.FromMilliseconds(250) });
        for (uint i = 0; i < 200; i++)
        {
            Assert.Equal(ExpectedCount(i, 500), instance.Invoke("count", i, 500u)[0].AsUInt32());
        }
        // Every deadline armed above has passed; none of them may land on these calls.
        Thread.Sleep(300);
        Assert.Equal(ExpectedCount(3, 10), instance.Invoke("count", 3u, 10u)[0].AsUInt32());
        Assert.False(instance.IsFaulted);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_a_spinning_guest_with_OperationCanceledException()
    {
        using WamrInstance instance = Instantiate();
        using var source = new CancellationTokenSource();
        var clock = new Stopwatch();
        // Cancelled only once the guest has ticked, so the token lands in its branch-only loop;
        // a token cancelled before the call is a different case (the guest never runs).
        var cancelling = Task.Run(async () =>
        {
            await WhenTicked();
            clock.Start();
            await source.CancelAsync();
        });
        var cancelled = await Stopped<OperationCanceledException>(() =>
        {
            using (instance.Cancellation(source.Token))
            {
                instance.Invoke("tick-then-spin");
            }
        });
        await cancelling;
        output.WriteLine($"stopped {clock.Elapsed.TotalMilliseconds:0.00} ms after Cancel");

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, StopBound);
        Assert.Equal(source.Token, cancelled.CancellationToken);
        Assert.IsType<WasmTrapException>(cancelled.InnerException);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public void A_token_cancelled_before_the_call_stops_it_before_the_guest_runs_and_leaves_the_instance_usable()
    {
        using WamrInstance instance = Instantiate();
        using (instance.Cancellation(new CancellationToken(canceled: true)))
        {
            Assert.Throws<OperationCanceledException>(() => instance.Invoke("spin-forever"));
        }
        Assert.False(instance.IsFaulted);
        Assert.Equal(ExpectedCount(1, 10), instance.Invoke("count", 1u, 10u)[0].AsUInt32());
    }

    [Fact]
    public async Task Dispose_from_another_thread_stops_the_guest_without_waiting_for_it()
    {
        WamrInstance instance = Instantiate();
        var clock = new Stopwatch();
        TimeSpan disposeTook = default;
        var disposing = Task.Factory.StartNew(() =>
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref _ticks) > 100);
            clock.Start();
            instance.Dispose();
            disposeTook = clock.Elapsed;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var disposed = await Stopped<ObjectDisposedException>(() => instance.Invoke("spin-calling-host"));
        Assert.True(await Task.WhenAny(disposing, Task.Delay(GiveUpAfter)) == disposing, "Dispose blocked");
        output.WriteLine($"Dispose returned in {disposeTook.TotalMilliseconds:0.00} ms; the guest stopped {clock.Elapsed.TotalMilliseconds:0.00} ms after it was called");

        Assert.InRange(disposeTook, TimeSpan.Zero, StopBound);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, StopBound);
        Assert.Contains("disposed", disposed.Message);
        Assert.Throws<ObjectDisposedException>(() => instance.Invoke("count", 1u, 1u));
        instance.Dispose();
    }

    [Fact]
    public async Task Dispose_from_another_thread_stops_a_guest_that_only_branches()
    {
        WamrInstance instance = Instantiate();
        var disposing = Task.Run(async () =>
        {
            await WhenTicked();
            instance.Dispose();
        });
        await Stopped<ObjectDisposedException>(() => instance.Invoke("tick-then-spin"));
        Assert.True(await Task.WhenAny(disposing, Task.Delay(GiveUpAfter)) == disposing, "Dispose blocked");
    }

    [Fact]
    public async Task Guests_on_several_threads_are_each_stopped_by_their_own_deadline()
    {
        // Four threads, each with instances whose deadlines differ and overlap, all watched by
        // the one watchdog at once; calls that finish in between must not be hit.
        async Task RunThread(int thread)
        {
            for (int i = 0; i < 8; i++)
            {
                using WamrInstance instance = Instantiate();
                TimeSpan deadline = TimeSpan.FromMilliseconds(5 + (thread * 7 + i * 3) % 30);
                var timeout = await Stopped<WasmTimeoutException>(() =>
                {
                    using (instance.Deadline(deadline))
                    {
                        Assert.Equal(ExpectedCount((uint)i, 100), instance.Invoke("count", (uint)i, 100u)[0].AsUInt32());
                        instance.Invoke(i % 2 == 0 ? "spin-forever" : "spin-with-calls");
                    }
                });
                Assert.Equal(deadline, timeout.Timeout);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(RunThread));
    }

    [Fact]
    public async Task The_stop_latency_is_far_below_the_bound()
    {
        // 20 deadlines of 20 ms on a guest that only branches: how late each stop lands.
        var late = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            using WamrInstance instance = Instantiate();
            TimeSpan took = default;
            await Stopped<WasmTimeoutException>(() =>
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using (instance.Deadline(TimeSpan.FromMilliseconds(20)))
                    {
                        instance.Invoke("spin-forever");
                    }
                }
                finally
                {
                    took = clock.Elapsed;
                }
            });
            late.Add((took - TimeSpan.FromMilliseconds(20)).TotalMilliseconds);
        }
        late.Sort();
        output.WriteLine($"stop latency after the deadline: median {late[late.Count / 2]:0.00} ms, max {late[^1]:0.00} ms");
        Assert.InRange(late[late.Count / 2], 0, StopBound.TotalMilliseconds);
    }

    [Fact]
    public void An_instance_has_the_guest_s_whole_shadow_stack()
    {
        // WAMR's thread manager would give the instance a fifth of the guest's 64 KiB shadow
        // stack; 48 KiB must fit, as it does without the thread manager.
        using WamrInstance instance = Instantiate();
        uint expected = 0;
        for (int i = 0; i < 48 * 1024; i++)
        {
            expected += (byte)i;
        }
        Assert.Equal(expected, instance.Invoke("use-shadow-stack", 48u)[0].AsUInt32());
    }

    [Fact]
    public void A_guest_with_a_small_shadow_stack_is_instantiated()
    {
        // With its default of four threads, WAMR's thread manager would want five 256-byte
        // shares of the 1 KiB shadow stack and refuse to create the execution environment.
        using WamrModule module = _engine.LoadModule(GuestFiles.Loadable("small-stack.wasm"));
        using WamrInstance instance = module.Instantiate();
        Assert.Equal(5, instance.Invoke("add", 2, 3)[0].AsInt32());
    }

    [Fact]
    public void Timeouts_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InstanceOptions { CallTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new InstanceOptions { CallTimeout = TimeSpan.FromDays(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new InstanceOptions { CallTimeout = TimeSpan.FromDays(100) });
        using WamrInstance instance = Instantiate();
        Assert.Throws<ArgumentOutOfRangeException>(() => instance.Deadline(TimeSpan.FromTicks(-1)));
    }

    internal static uint ExpectedCount(uint seed, uint n)
    {
        uint x = seed;
        for (uint i = 0; i < n; i++)
        {
            x = x * 1664525u + 1013904223u;
        }
        return x;
    }
}
