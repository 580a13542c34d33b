using System.Diagnostics;

namespace WitHost.Wamr.Execution;

/// <summary>
/// The one thread in the process that stops guests whose deadline passed. A call with a deadline
/// registers its instance's <see cref="CallGate"/> here for the length of the call; the
/// thread sleeps until the earliest registered deadline and interrupts the calls whose deadline
/// has come.
/// </summary>
/// <remarks>
/// A dedicated thread rather than a <see cref="Timer"/>: timer callbacks run on the thread pool,
/// which may be starved exactly when guests spin on its threads. Registration costs a lock and
/// a list append; the thread is woken only when a new deadline is earlier than the one it sleeps
/// towards, so a stream of short calls with the same timeout does not wake it at all.
/// </remarks>
internal static class CallWatchdog
{
    private static readonly object s_gate = new();
    private static readonly List<CallGate> s_armed = [];
    private static long s_wakeAt = long.MaxValue;
    private static Thread? s_thread;

    /// <summary>Watches <paramref name="gate"/>'s watched call <paramref name="generation"/> until
    /// <see cref="Disarm"/>; interrupts it once <see cref="Stopwatch"/> passes <paramref name="deadline"/>.</summary>
    public static void Arm(CallGate gate, long generation, long deadline)
    {
        lock (s_gate)
        {
            gate.WatchedGeneration = generation;
            gate.WatchedDeadline = deadline;
            gate.WatchdogIndex = s_armed.Count;
            s_armed.Add(gate);
            if (s_thread is null)
            {
                s_thread = new Thread(Run) { IsBackground = true, Name = "WitHost call watchdog" };
                s_thread.Start();
            }
            if (deadline < s_wakeAt)
            {
                s_wakeAt = deadline;
                Monitor.Pulse(s_gate);
            }
        }
    }

    /// <summary>Stops watching; safe when the watchdog already fired and dropped the entry.</summary>
    public static void Disarm(CallGate gate)
    {
        lock (s_gate)
        {
            Remove(gate);
        }
    }

    private static void Remove(CallGate gate)
    {
        int index = gate.WatchdogIndex;
        if (index < 0)
        {
            return;
        }
        // Swap-remove keeps removal O(1); the order of the list means nothing.
        CallGate last = s_armed[^1];
        s_armed[index] = last;
        last.WatchdogIndex = index;
        s_armed.RemoveAt(s_armed.Count - 1);
        gate.WatchdogIndex = -1;
    }

    private static void Run()
    {
        var expired = new List<(CallGate Gate, long Generation)>();
        while (true)
        {
            lock (s_gate)
            {
                long now = Stopwatch.GetTimestamp();
                long next = long.MaxValue;
                for (int i = s_armed.Count - 1; i >= 0; i--)
                {
                    CallGate gate = s_armed[i];
                    if (gate.WatchedDeadline <= now)
                    {
                        expired.Add((gate, gate.WatchedGeneration));
                        Remove(gate);
                    }
                    else
                    {
                        next = Math.Min(next, gate.WatchedDeadline);
                    }
                }
                if (expired.Count == 0)
                {
                    s_wakeAt = next;
                    Monitor.Wait(s_gate, WaitMilliseconds(next, now));
                    continue;
                }
            }

            // Interrupting calls into the native runtime; never do that under s_gate, which the
            // calls themselves take.
            foreach ((CallGate gate, long generation) in expired)
            {
                gate.Interrupt(generation, InterruptReason.Deadline);
            }
            expired.Clear();
        }
    }

    private static int WaitMilliseconds(long deadline, long now)
    {
        if (deadline == long.MaxValue)
        {
            return Timeout.Infinite;
        }
        // Round up: waking a little late costs one more pass, waking early costs a spin.
        long milliseconds = ((deadline - now) * 1000 + Stopwatch.Frequency - 1) / Stopwatch.Frequency;
        return (int)Math.Clamp(milliseconds, 1, int.MaxValue);
    }
}
