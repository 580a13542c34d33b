using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Tests;

/// <summary>
/// Many threads on one instance at once: calling it (whole calls, core calls, calls a host
/// function makes back into it), cancelling their own calls and disposing it. Whatever the
/// interleaving, a whole call has the instance to itself, every call either returns its result
/// or fails with one of the documented exceptions, nothing hangs, and the instance is freed
/// exactly once when the last call leaves it.
/// </summary>
public sealed class SharedInstanceStressTests
{
    private const int Rounds = 40;
    private const int Callers = 4;
    // Far beyond any round's length: reaching it means a thread is stuck, not slow.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(60);

    [Fact]
    public void Threads_calling_cancelling_and_disposing_one_instance_never_break_a_whole_call()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        for (int round = 0; round < Rounds; round++)
        {
            RunRound(module, new Random(round));
        }
    }

    private static void RunRound(WamrModule module, Random random)
    {
        WamrInstance? self = null;
        // The host function calls back into its own instance: a core call nested in the whole call.
        var imports = new HostImports().Define(CoreGuest.HostModule, "add", call =>
            call.SetResult(self!.Invoke("add-i32", call.GetInt32(0), call.GetInt32(1))[0].AsInt32()));
        var instance = module.Instantiate(imports);
        self = instance;
        var owned = new CountingDisposable();
        instance.AttachHostObjects(owned);
        // One byte of guest memory every whole call writes its tag into and reads back at its end.
        uint cell = instance.Realloc(0, 0, 1, 1);

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        int disposeAfter = random.Next(0, 400);
        int[] seeds = [.. Enumerable.Range(0, Callers + 1).Select(_ => random.Next())];
        var threads = new List<Thread>();
        using var start = new Barrier(Callers + 1);
        for (int t = 0; t < Callers; t++)
        {
            byte tag = (byte)(t + 1);
            var callerRandom = new Random(seeds[t]);
            threads.Add(new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < 200; i++)
                {
                    try
                    {
                        CallOnce(instance, cell, tag, i, callerRandom, failures);
                    }
                    catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException or WasmInstanceFaultedException)
                    {
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue($"thread {tag}, call {i}: {e}");
                    }
                }
            }));
        }
        var disposeRandom = new Random(seeds[Callers]);
        threads.Add(new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < disposeAfter; i++)
            {
                Thread.SpinWait(disposeRandom.Next(50, 500));
            }
            instance.Dispose();
        }));
        foreach (Thread thread in threads)
        {
            thread.Start();
        }
        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(Stuck), "a thread calling or disposing the shared instance is stuck");
        }

        Assert.Empty(failures);
        Assert.Equal(1, owned.DisposeCount);
        Assert.Throws<ObjectDisposedException>(() => instance.Invoke("add-i32", 1, 2));
        instance.Dispose();
        Assert.Equal(1, owned.DisposeCount);
    }

    private static void CallOnce(WamrInstance instance, uint cell, byte tag, int i, Random random, System.Collections.Concurrent.ConcurrentQueue<string> failures)
    {
        switch (random.Next(5))
        {
            case 0:
                // A whole call: no other thread's call runs between its core calls.
                using (instance.EnterCall())
                {
                    instance.Invoke("store-u8", cell, (uint)tag);
                    int sum = instance.Invoke("call-host-add", i, 2)[0].AsInt32();
                    uint seen = instance.Invoke("load-u8", cell)[0].AsUInt32();
                    if (seen != tag || sum != (i + 2) * 10)
                    {
                        failures.Enqueue($"thread {tag}: a whole call saw tag {seen} and sum {sum}");
                    }
                }
                break;
            case 1:
                if (instance.Invoke("add-i32", i, (int)tag)[0].AsInt32() != i + tag)
                {
                    failures.Enqueue($"thread {tag}: add-i32 returned another call's result");
                }
                break;
            case 2:
                // A call this thread cancels while it may be running: it is stopped (and the
                // instance faulted) or finishes first.
                // Not disposed: the pool thread may cancel it after the call is over.
                var cancel = new CancellationTokenSource();
                using (instance.Cancellation(cancel.Token))
                {
                    ThreadPool.UnsafeQueueUserWorkItem(static c => c.Cancel(), cancel, preferLocal: false);
                    uint result = instance.Invoke("spin", (uint)i, 2_000u)[0].AsUInt32();
                    if (result != Spin((uint)i, 2_000))
                    {
                        failures.Enqueue($"thread {tag}: spin returned a wrong result");
                    }
                }
                break;
            case 3:
                // A run of calls on this thread alone: the gate is biased to it, and the next
                // thread to call, cancel or dispose takes the bias away.
                for (int k = random.Next(1, 20); k > 0; k--)
                {
                    if (instance.Invoke("add-i32", k, (int)tag)[0].AsInt32() != k + tag)
                    {
                        failures.Enqueue($"thread {tag}: add-i32 in a run returned another call's result");
                    }
                }
                break;
            default:
                // A deadline that a short call meets: it must never stop this or a later call.
                using (instance.Deadline(TimeSpan.FromSeconds(30)))
                {
                    if (instance.Invoke("call-host-add", 1, i)[0].AsInt32() != (1 + i) * 10)
                    {
                        failures.Enqueue($"thread {tag}: call-host-add under a deadline returned a wrong result");
                    }
                }
                break;
        }
    }

    private static uint Spin(uint seed, uint n)
    {
        uint x = seed;
        for (uint i = 0; i < n; i++)
        {
            x = x * 1664525u + 1013904223u;
        }
        return x;
    }
}
