using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Tests;

/// <summary>
/// The instance's gate reserved to the thread that called last (taken and left with no atomic
/// operation) and taken away from it by other threads: whole calls still exclude each other, a
/// thread holding the instance through the bias keeps it until it leaves, and disposal, timeouts
/// and cancellation reach a call held that way.
/// </summary>
public sealed class BiasedGateTests
{
    private const int Rounds = 12;
    private const int Threads = 3;
    private const int WholeCallsPerThread = 300;
    // Far beyond any round's length: reaching it means a thread is stuck, not slow.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(60);

    [Fact]
    public void Reading_the_memory_metric_from_another_thread_leaves_the_bias_and_sees_grown_memory()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestFiles.Loadable("bounded.wasm"));
        using var instance = module.Instantiate(new HostImports().Define("test", "tick", _ => { }));
        instance.Invoke("grows");
        Assert.True(instance.IsGateBiased);

        long observed = 0;
        var metricThread = new Thread(() => observed = instance.ObservedMemoryBytes());
        metricThread.Start();
        metricThread.Join();

        Assert.Equal(2 * 65536, observed);
        Assert.True(instance.IsGateBiased, "the metric's read revoked the calling thread's bias");
    }

    [Fact]
    public void Threads_taking_turns_in_runs_of_calls_lose_no_update()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        for (int round = 0; round < Rounds; round++)
        {
            // A new instance each round: its gate starts ready to bias at once, so the runs below
            // take and revoke the bias again and again before the revocations make it wait.
            using var instance = module.Instantiate(CoreGuest.DefaultImports());
            var counter = new SharedCounter(instance);
            var random = new Random(round);
            int[] seeds = [.. Enumerable.Range(0, Threads).Select(_ => random.Next())];
            var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var start = new Barrier(Threads);
            var threads = new List<Thread>();
            for (int t = 0; t < Threads; t++)
            {
                var callerRandom = new Random(seeds[t]);
                int tag = t + 1;
                threads.Add(new Thread(() =>
                {
                    start.SignalAndWait();
                    try
                    {
                        int done = 0;
                        while (done < WholeCallsPerThread)
                        {
                            // A run of calls on this thread (the bias is taken), then a pause in
                            // which another thread's run revokes it.
                            int run = Math.Min(callerRandom.Next(1, 24), WholeCallsPerThread - done);
                            for (int i = 0; i < run; i++, done++)
                            {
                                counter.Increment(callerRandom.Next(0, 40));
                                if (instance.Invoke("add-i32", done, tag)[0].AsInt32() != done + tag)
                                {
                                    failures.Enqueue($"thread {tag}: add-i32 returned another call's result");
                                }
                            }
                            Thread.SpinWait(callerRandom.Next(0, 2_000));
                        }
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue($"thread {tag}: {e}");
                    }
                }));
            }
            foreach (Thread thread in threads)
            {
                thread.Start();
            }
            foreach (Thread thread in threads)
            {
                Assert.True(thread.Join(Stuck), "a thread calling the shared instance is stuck");
            }

            Assert.Empty(failures);
            Assert.Equal((Threads * WholeCallsPerThread, Threads * WholeCallsPerThread), counter.Read());
        }
    }

    [Fact]
    public void Two_threads_alternating_call_by_call_lose_no_update()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate(CoreGuest.DefaultImports());
        var counter = new SharedCounter(instance);
        const int Turns = 2_000;
        using var first = new SemaphoreSlim(1);
        using var second = new SemaphoreSlim(0);
        Exception? failure = null;

        void TakeTurns(SemaphoreSlim mine, SemaphoreSlim theirs)
        {
            try
            {
                for (int i = 0; i < Turns; i++)
                {
                    Assert.True(mine.Wait(Stuck));
                    counter.Increment(i % 7);
                    Assert.Equal(i + 1, instance.Invoke("add-i32", i, 1)[0].AsInt32());
                    theirs.Release();
                }
            }
            catch (Exception e)
            {
                failure ??= e;
                theirs.Release(Turns);
            }
        }

        var a = new Thread(() => TakeTurns(first, second));
        var b = new Thread(() => TakeTurns(second, first));
        a.Start();
        b.Start();
        Assert.True(a.Join(Stuck) && b.Join(Stuck), "a thread taking turns on the instance is stuck");

        Assert.Null(failure);
        Assert.Equal((2 * Turns, 2 * Turns), counter.Read());
    }

    [Fact]
    public void A_thread_holding_the_instance_through_its_bias_keeps_it_while_a_host_function_runs()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        WamrInstance? self = null;
        using var otherWaits = new ManualResetEventSlim();
        Thread? other = null;
        int otherResult = 0;
        var imports = new HostImports().Define(CoreGuest.HostModule, "add", call =>
        {
            if (other is null)
            {
                // Inside the guest, inside a whole call: another thread asks for the instance
                // now, and takes the bias away from this one.
                other = new Thread(() =>
                {
                    otherWaits.Set();
                    otherResult = self!.Invoke("add-i32", 40, 2)[0].AsInt32();
                });
                other.Start();
                Assert.True(otherWaits.Wait(Stuck));
                Assert.False(other.Join(300), "another thread ran a call while a host function of this one's ran");
            }
            // A call back into the guest, nested in the one the other thread waits behind.
            call.SetResult(self!.Invoke("add-i32", call.GetInt32(0), call.GetInt32(1))[0].AsInt32());
        });
        using var instance = module.Instantiate(imports);
        self = instance;
        // Calls on this thread alone: the gate is biased to it.
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(i + 1, instance.Invoke("add-i32", i, 1)[0].AsInt32());
        }

        using (instance.EnterCall())
        {
            Assert.Equal(30, instance.Invoke("call-host-add", 1, 2)[0].AsInt32());
            Assert.False(other!.Join(300), "another thread ran a call inside this one's whole call");
        }

        Assert.True(other.Join(Stuck));
        Assert.Equal(42, otherResult);
        // The instance is this thread's again, and the other's when it calls.
        Assert.Equal(7, instance.Invoke("add-i32", 3, 4)[0].AsInt32());
        int elsewhereResult = 0;
        var elsewhere = new Thread(() => elsewhereResult = instance.Invoke("add-i32", 4, 5)[0].AsInt32());
        elsewhere.Start();
        Assert.True(elsewhere.Join(Stuck));
        Assert.Equal(9, elsewhereResult);
    }

    [Fact]
    public void Dispose_from_another_thread_stops_a_call_held_through_the_bias_and_frees_once()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        for (int round = 0; round < 20; round++)
        {
            var instance = module.Instantiate(CoreGuest.DefaultImports());
            var owned = new CountingDisposable();
            instance.AttachHostObjects(owned);
            Exception? thrown = null;
            using var running = new ManualResetEventSlim();
            var caller = new Thread(() =>
            {
                try
                {
                    for (int i = 0; i < 20; i++)
                    {
                        instance.Invoke("add-i32", i, 1);
                    }
                    running.Set();
                    // Held through the bias; only Dispose ends it.
                    instance.Invoke("spin", 1u, uint.MaxValue);
                }
                catch (Exception e)
                {
                    thrown = e;
                }
            });
            caller.Start();
            Assert.True(running.Wait(Stuck));
            Thread.SpinWait(new Random(round).Next(0, 20_000));
            instance.Dispose();
            Assert.True(caller.Join(Stuck), "Dispose did not stop a call held through the bias");

            Assert.IsType<ObjectDisposedException>(thrown);
            Assert.Equal(1, owned.DisposeCount);
            Assert.Throws<ObjectDisposedException>(() => instance.Invoke("add-i32", 1, 2));
        }
    }

    [Fact]
    public void A_deadline_and_a_token_stop_calls_on_a_thread_the_gate_is_biased_to()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using (var instance = module.Instantiate(CoreGuest.DefaultImports()))
        {
            for (int i = 0; i < 10; i++)
            {
                instance.Invoke("add-i32", i, 1);
            }
            using (instance.Deadline(TimeSpan.FromMilliseconds(50)))
            {
                Assert.Throws<WasmTimeoutException>(() => instance.Invoke("spin", 1u, uint.MaxValue));
            }
        }

        using (var instance = module.Instantiate(CoreGuest.DefaultImports()))
        {
            for (int i = 0; i < 10; i++)
            {
                instance.Invoke("add-i32", i, 1);
            }
            using var cancel = new CancellationTokenSource();
            using (instance.Cancellation(cancel.Token))
            {
                cancel.CancelAfter(50);
                Assert.Throws<OperationCanceledException>(() => instance.Invoke("spin", 1u, uint.MaxValue));
            }
        }
    }

    /// <summary>
    /// A count kept twice, both by read, wait and write back: in the guest's memory (a whole call
    /// reading and writing it with core calls between) and in a field of the host. Two whole calls
    /// that overlapped would lose an update of either.
    /// </summary>
    private sealed class SharedCounter
    {
        private readonly WamrInstance _instance;
        private readonly uint _cell;
        private int _host;

        public SharedCounter(WamrInstance instance)
        {
            _instance = instance;
            _cell = instance.Realloc(0, 0, 4, 4);
            instance.Memory.WriteUInt32(_cell, 0);
        }

        public void Increment(int work)
        {
            using (_instance.EnterCall())
            {
                uint guest = _instance.Memory.ReadUInt32(_cell);
                int host = _host;
                Thread.SpinWait(work);
                Assert.Equal(7, _instance.Invoke("add-i32", 3, 4)[0].AsInt32());
                _host = host + 1;
                _instance.Memory.WriteUInt32(_cell, guest + 1);
            }
        }

        public (int Guest, int Host) Read()
        {
            using (_instance.EnterCall())
            {
                return ((int)_instance.Memory.ReadUInt32(_cell), _host);
            }
        }
    }
}
