namespace WitHost.Wamr.Tests;

/// <summary>
/// Runs steps on threads of given stack sizes, one step at a time, in the order given: for tests
/// of what a call must set again when the thread that calls an instance changes.
/// </summary>
internal static class ThreadTurns
{
    /// <summary>
    /// Runs each step on the thread it names (an index into <paramref name="stackKiB"/>, each
    /// thread with that much stack), after the step before it ended; fails naming every step
    /// that threw.
    /// </summary>
    public static void Run(int[] stackKiB, params (int Thread, Action Call)[] steps)
    {
        var turns = stackKiB.Select(_ => new SemaphoreSlim(0)).ToArray();
        using var stepDone = new SemaphoreSlim(0);
        var failures = new Exception?[steps.Length];
        var threads = new Thread[stackKiB.Length];
        for (int t = 0; t < threads.Length; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < steps.Length; i++)
                {
                    if (steps[i].Thread != index)
                    {
                        continue;
                    }
                    turns[index].Wait();
                    try
                    {
                        steps[i].Call();
                    }
                    catch (Exception e)
                    {
                        failures[i] = e;
                    }
                    stepDone.Release();
                }
            }, stackKiB[t] * 1024);
            threads[t].Start();
        }
        foreach (var (thread, _) in steps)
        {
            turns[thread].Release();
            stepDone.Wait();
        }
        foreach (Thread thread in threads)
        {
            thread.Join();
        }
        foreach (SemaphoreSlim turn in turns)
        {
            turn.Dispose();
        }

        for (int i = 0; i < steps.Length; i++)
        {
            Assert.True(failures[i] is null, $"step {i}, on the thread with {stackKiB[steps[i].Thread]} KiB of stack: {failures[i]}");
        }
    }
}
