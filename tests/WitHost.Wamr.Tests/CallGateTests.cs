using WitHost.Wamr.Execution;

namespace WitHost.Wamr.Tests;

/// <summary>
/// The instance's gate on its own, with nothing but the gate between threads: the few instructions
/// of a call biased to one thread race with other threads revoking the bias, many thousands of
/// times, and the gate still lets one thread in at a time.
/// </summary>
public sealed class CallGateTests
{
    private const int Gates = 20_000;
    private const int EntriesPerThread = 200;
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Threads_entering_one_gate_in_runs_never_hold_it_at_once(int threads)
    {
        // One new gate after another: each one's bias is taken and revoked at once, before its
        // revocations make the runs it needs too long for these threads; so many gates make many
        // revocations race with a biased thread's entry and exit.
        var gates = new CallGate[Gates];
        var counts = new HeldCount[Gates];
        for (int g = 0; g < Gates; g++)
        {
            gates[g] = new CallGate(0);
            counts[g] = new HeldCount();
        }
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var next = new Barrier(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            var random = new Random(t);
            workers[t] = new Thread(() =>
            {
                for (int g = 0; g < Gates && failures.IsEmpty; g++)
                {
                    if (!next.SignalAndWait(Stuck))
                    {
                        failures.Enqueue("a thread entering the gates is stuck");
                        return;
                    }
                    CallGate gate = gates[g];
                    HeldCount held = counts[g];
                    int done = 0;
                    while (done < EntriesPerThread)
                    {
                        for (int run = random.Next(1, 8); run > 0 && done < EntriesPerThread; run--, done++)
                        {
                            gate.Enter();
                            if (!held.EnterAlone())
                            {
                                failures.Enqueue($"gate {g}: two threads held it at once");
                            }
                            held.Leave();
                            if (!gate.TryExit() && !gate.TryExitContended(freed: false))
                            {
                                failures.Enqueue($"gate {g}: it would not let go");
                            }
                        }
                        Thread.SpinWait(random.Next(0, 20));
                    }
                }
                next.RemoveParticipant();
            });
        }
        foreach (Thread worker in workers)
        {
            worker.Start();
        }
        foreach (Thread worker in workers)
        {
            Assert.True(worker.Join(Stuck * 4), "a thread entering the gates is stuck");
        }

        Assert.Empty(failures);
        Assert.All(counts, count => Assert.Equal(threads * EntriesPerThread, count.Entries));
    }

    [Fact]
    public void A_thread_the_gate_is_biased_to_owns_it_only_while_it_holds_it()
    {
        var gate = new CallGate(0);
        gate.Enter();
        Assert.True(gate.IsOwnedByCurrentThread);
        Assert.True(gate.TryExit());
        // Biased to this thread now, and not held.
        Assert.False(gate.IsOwnedByCurrentThread);
        gate.Enter();
        gate.Enter();
        Assert.True(gate.IsOwnedByCurrentThread);
        Assert.True(gate.TryExit());
        Assert.True(gate.IsOwnedByCurrentThread);
        Assert.True(gate.TryExit());
        Assert.False(gate.IsOwnedByCurrentThread);

        bool taken = false;
        var other = new Thread(() =>
        {
            taken = gate.TryEnter();
            if (taken && !gate.TryExit())
            {
                taken = false;
            }
        });
        other.Start();
        Assert.True(other.Join(Stuck));
        Assert.True(taken, "another thread could not take an idle gate biased to this one");
    }

    [Fact]
    public void Another_thread_cannot_take_a_gate_held_through_its_bias()
    {
        var gate = new CallGate(0);
        gate.Enter();
        Assert.True(gate.TryExit());
        gate.Enter();
        bool taken = true;
        var other = new Thread(() => taken = gate.TryEnter());
        other.Start();
        Assert.True(other.Join(Stuck));
        Assert.False(taken, "another thread took a gate held through its bias");
        Assert.True(gate.IsOwnedByCurrentThread);
        // Revoked while held: this thread leaves as the plain owner, and the gate is free after.
        Assert.True(gate.TryExit());
        var after = new Thread(() => taken = gate.TryEnter());
        after.Start();
        Assert.True(after.Join(Stuck));
        Assert.True(taken);
    }

    /// <summary>
    /// How many threads are inside, counted without atomic operations on purpose: only the gate
    /// orders them, so a gate that let two in shows as a count above one (or a lost entry).
    /// </summary>
    private sealed class HeldCount
    {
        private int _inside;
        private int _entries;

        public int Entries => Volatile.Read(ref _entries);

        public bool EnterAlone()
        {
            int inside = _inside;
            _inside = inside + 1;
            int entries = _entries;
            _entries = entries + 1;
            return inside == 0 && Volatile.Read(ref _inside) == 1;
        }

        public void Leave() => _inside--;
    }
}
