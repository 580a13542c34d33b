using WitHost.Wamr.Async;
using WitHost.Wamr.Hosting;

namespace WitHost.Async.Tests;

/// <summary>Async exports driven by the host with the callback ABI, awaiting async host imports.</summary>
public sealed class AsyncExportTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_async_export_awaits_an_async_host_import_and_returns_when_it_does()
    {
        using var guest = new AsyncGuest();
        var sum = guest.CallU32("fetch-sum", 4);

        // The guest started fetch(4) and waits for it: nothing holds the host's thread.
        Assert.False(sum.IsCompleted);
        Assert.Equal([4u], guest.Fetches);
        guest.Release(4);
        guest.Release(5);
        Assert.Equal(40u + 50u, await sum.WaitAsync(s_patience));
        Assert.Equal([4u, 5u], guest.Fetches);
    }

    [Fact]
    public async Task An_import_whose_task_is_done_at_once_returns_without_a_subtask()
    {
        using var guest = new AsyncGuest(fetchAnswersAtOnce: true);
        var sum = guest.CallU32("fetch-sum", 1);

        // Both fetches answered RETURNED at once, so the whole call ran on this thread.
        Assert.True(sum.IsCompletedSuccessfully);
        Assert.Equal(10u + 20u, await sum);
    }

    [Fact]
    public async Task Many_concurrent_calls_into_one_instance_each_get_their_own_answer()
    {
        var random = new Random(16);
        var delays = Enumerable.Range(0, 400).Select(_ => random.Next(0, 15)).ToArray();
        using var guest = new AsyncGuest(fetch: async (key, cancellationToken) =>
        {
            await Task.Delay(delays[key], cancellationToken);
            return key * 10;
        });

        var calls = Enumerable.Range(0, 100).Select(i => (Key: (uint)(i * 3), Sum: guest.CallU32("fetch-sum", (uint)(i * 3)))).ToArray();
        await Task.WhenAll(calls.Select(c => c.Sum)).WaitAsync(s_patience);

        foreach (var (key, sum) in calls)
        {
            Assert.Equal((key * 10) + ((key + 1) * 10), await sum);
        }

        Assert.Equal(200, guest.Fetches.Count);
    }

    [Fact]
    public async Task A_guest_that_yields_is_called_back_until_it_exits()
    {
        using var guest = new AsyncGuest();
        Assert.Equal(5u, await guest.CallU32("yield-times", 5).WaitAsync(s_patience));
        Assert.Equal(0u, await guest.CallU32("yield-times", 0).WaitAsync(s_patience));
    }

    [Fact]
    public async Task Cancelling_the_call_cancels_the_guest_task_which_cancels_its_host_subtask()
    {
        using var guest = new AsyncGuest();
        using var cancellation = new CancellationTokenSource();
        var call = guest.CallU32("fetch-or-cancel", cancellation.Token, 7);
        Assert.False(call.IsCompleted);

        cancellation.Cancel();

        // The guest got TASK_CANCELLED, called subtask.cancel on its fetch (whose token the host
        // saw cancelled) and answered with task.cancel.
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Equal([7u], guest.CancelledFetches);
        Assert.False(guest.Instance.IsFaulted);

        // The instance goes on serving calls.
        var next = guest.CallU32("fetch-or-cancel", 8);
        guest.Release(8);
        Assert.Equal(80u, await next.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_call_whose_import_returns_before_the_cancellation_still_returns_its_value()
    {
        using var guest = new AsyncGuest(fetchAnswersAtOnce: true);
        using var cancellation = new CancellationTokenSource();
        var call = guest.CallU32("fetch-or-cancel", cancellation.Token, 3);
        cancellation.Cancel();
        Assert.Equal(30u, await call.WaitAsync(s_patience));
    }

    [Fact]
    public async Task Backpressure_holds_new_calls_back_until_the_guest_lifts_it()
    {
        using var guest = new AsyncGuest(fetchAnswersAtOnce: true);
        var setBackpressure = guest.Instance.GetFunction(AsyncGuest.Tools + "set-backpressure");
        setBackpressure.Invoke(1);

        var held = guest.CallU32("fetch-sum", 2);
        await Task.Delay(50);
        Assert.False(held.IsCompleted);
        Assert.Empty(guest.Fetches);

        setBackpressure.Invoke(0);
        Assert.Equal(20u + 30u, await held.WaitAsync(s_patience));
    }

    [Fact]
    public async Task Disposing_the_instance_ends_its_waiting_calls_and_cancels_their_host_tasks()
    {
        var guest = new AsyncGuest();
        var call = guest.CallU32("fetch-sum", 9);
        guest.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(s_patience));
        Assert.Equal([9u], guest.CancelledFetches);
    }

    [Fact]
    public void An_export_without_the_async_lift_or_its_callback_is_refused_by_name()
    {
        using var guest = new AsyncGuest();
        var missing = Assert.Throws<WamrException>(() => { _ = AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Jobs + "nothing", [], call => 0); });
        Assert.Contains("[async-lift]example:concurrency/jobs#nothing", missing.Message);
    }

    [Fact]
    public void The_task_return_import_of_an_export_follows_the_core_names()
    {
        Assert.Equal(("[export]example:concurrency/jobs", "[task-return]fetch-sum"), AsyncExportCall.TaskReturnImport("example:concurrency/jobs#fetch-sum"));
        Assert.Equal(("[export]$root", "[task-return]run"), AsyncExportCall.TaskReturnImport("run"));
    }
}
