using System.Diagnostics;

namespace WitHost.Wamr.Execution;

/// <summary>
/// The one thread in the process that stops guests whose deadline passed. A call with a deadline
/// registers its instance's <see cref="CallInterrupter"/> here for the length of the call; the
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
    private static readonly List<CallInterrupter> s_armed = [];
    private static long s_wakeAt = long.MaxValue;
    private static Thread? s_thread;

    /// <summary>Watches <paramref name="interrupter"/>'s call <paramref name="callId"/> until
    /// <see cref="Disarm"/>; interrupts it once <see cref="Stopwatch"/> passes <paramref name="deadline"/>.</summary>
    public static void Arm(CallInterrupter interrupter, long callId, long deadline)
    {
        lock (s_gate)
        {
            interrupter.WatchedCallId = callId;
            interrupter.WatchedDeadline = deadline;
            interrupter.WatchdogIndex = s_armed.Count;
            s_armed.Add(interrupter);
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
    public static void Disarm(CallInterrupter interrupter)
    {
        lock (s_gate)
        {
            Remove(interrupter);
        }
    }

    private static void Remove(CallInterrupter interrupter)
    {
        int index = interrupter.WatchdogIndex;
        if (index < 0)
        {
            return;
        }
        // Swap-remove keeps removal O(1); the order of the list means nothing.
        CallInterrupter last = s_armed[^1];
        s_armed[index] = last;
        last.WatchdogIndex = index;
        s_armed.RemoveAt(s_armed.Count - 1);
        interrupter.WatchdogIndex = -1;
    }

    private static void Run()
    {
        var expired = new List<(CallInterrupter Interrupter, long CallId)>();
        while (true)
        {
            lock (s_gate)
            {
                long now = Stopwatch.GetTimestamp();
                long next = long.MaxValue;
                for (int i = s_armed.Count - 1; i >= 0; i--)
                {
                    CallInterrupter interrupter = s_armed[i];
                    if (interrupter.WatchedDeadline <= now)
                    {
                        expired.Add((interrupter, interrupter.WatchedCallId));
                        Remove(interrupter);
                    }
                    else
                    {
                        next = Math.Min(next, interrupter.WatchedDeadline);
                    }
                }
                if (expired.Count == 0)
                {
                    s_wakeAt = next;
                    Monitor.Wait(s_gate, WaitMilliseconds(next, now));
                    continue;
                }
            }

            // Interrupting takes the instance's own lock; never do that under the gate, which
            // the calls themselves take.
            foreach ((CallInterrupter interrupter, long callId) in expired)
            {
                interrupter.Interrupt(callId, InterruptReason.Deadline);
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
