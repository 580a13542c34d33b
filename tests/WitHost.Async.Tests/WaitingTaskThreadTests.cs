namespace WitHost.Async.Tests;

/// <summary>
/// A guest task that waits for an event holds no thread: the host awaits its waitable set. With
/// 64 calls into one instance all waiting on host imports, neither the thread pool (busy threads
/// and queued work items) nor the process (its threads) carries anything per waiting call.
/// </summary>
[Collection(ThreadCountingCollection.Name)]
public sealed class WaitingTaskThreadTests
{
    private const int Calls = 64;

    // What the rest of the process may add meanwhile (the runner, a timer, the GC); far below one per call.
    private const int Slack = 6;

    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sixty_four_calls_waiting_on_host_imports_hold_no_thread()
    {
        using var guest = new AsyncGuest();
        await SettleAsync();
        int threadsBefore = ProcessThreads();

        var calls = Enumerable.Range(0, Calls).Select(i => guest.CallU32("fetch-sum", (uint)(i * 2))).ToArray();

        // Every call reached its first wait (the guest asked for its first key) and none is done.
        var deadline = DateTime.UtcNow + s_patience;
        while (guest.Fetches.Count < Calls && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(Calls, guest.Fetches.Count);
        Assert.All(calls, call => Assert.False(call.IsCompleted));
        await SettleAsync();
        Assert.InRange(BusyPoolThreads() + (int)ThreadPool.PendingWorkItemCount, 0, Slack);
        Assert.InRange(ProcessThreads() - threadsBefore, int.MinValue, Slack);

        for (uint key = 0; key < Calls * 2; key++)
        {
            guest.Release(key);
        }

        var sums = await Task.WhenAll(calls).WaitAsync(s_patience);
        Assert.Equal(Enumerable.Range(0, Calls).Select(i => (uint)((i * 2 * 10) + ((i * 2) + 1) * 10)), sums);
    }

    // Lets continuations already queued run, so that the counts see the waiting state only.
    private static async Task SettleAsync()
    {
        for (int i = 0; i < 20 && ThreadPool.PendingWorkItemCount > 0; i++)
        {
            await Task.Delay(25);
        }

        await Task.Delay(100);
    }

    // Worker threads of the pool running a work item now (the pool's maximum less what it has available).
    private static int BusyPoolThreads()
    {
        ThreadPool.GetMaxThreads(out int maximum, out _);
        ThreadPool.GetAvailableThreads(out int available, out _);
        return maximum - available;
    }

    private static int ProcessThreads()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.Threads.Count;
    }
}
