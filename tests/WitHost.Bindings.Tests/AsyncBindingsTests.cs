using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The async guest through its generated host: async exports as <c>Task</c>s, the async import
/// <c>fetch</c> as the host's <c>ValueTask</c>, cancellation, many calls in one instance. The
/// answers are the ones tests/WitHost.Async.Tests checks on the same guest at the core level.
/// </summary>
public sealed class AsyncBindingsTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);
    private static readonly byte[] s_bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "async.wasm"));

    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;

    public AsyncBindingsTests() => _module = _engine.LoadModule(s_bytes);

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public void The_async_guest_matches_the_world_with_its_async_lifts_callbacks_and_built_ins()
        => Assert.Empty(AsyncGuestHost.Validate(_module));

    [Fact]
    public async Task An_async_export_awaits_the_hosts_async_import_and_returns_when_it_does()
    {
        var fetcher = new Fetcher();
        using var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = fetcher, Ledger = new Ledger() });

        var sum = guest.Jobs.FetchSumAsync(4);

        // The guest waits for fetch(4) on its subtask: no thread is held.
        Assert.False(sum.IsCompleted);
        Assert.Equal([4u], fetcher.Fetches);
        fetcher.Release(4);
        fetcher.Release(5);
        Assert.Equal(40u + 50u, await sum.WaitAsync(s_patience));
        Assert.Equal([4u, 5u], fetcher.Fetches);
    }

    [Fact]
    public async Task An_import_whose_value_task_is_done_at_once_answers_without_a_subtask()
    {
        using var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = new Fetcher(answersAtOnce: true), Ledger = new Ledger() });

        var sum = guest.Jobs.FetchSumAsync(1);

        // Both fetches were RETURNED at once, so the whole call ran on this thread.
        Assert.True(sum.IsCompletedSuccessfully);
        Assert.Equal(10u + 20u, await sum);
    }

    [Fact]
    public async Task Many_concurrent_calls_into_one_instance_each_get_their_own_answer()
    {
        var random = new Random(16);
        var delays = Enumerable.Range(0, 400).Select(_ => random.Next(0, 15)).ToArray();
        var fetcher = new Fetcher(fetch: async (key, cancellationToken) =>
        {
            await Task.Delay(delays[key], cancellationToken);
            return key * 10;
        });
        using var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = fetcher, Ledger = new Ledger() });

        var calls = Enumerable.Range(0, 100).Select(i => (Key: (uint)(i * 3), Sum: guest.Jobs.FetchSumAsync((uint)(i * 3)))).ToArray();
        await Task.WhenAll(calls.Select(call => call.Sum)).WaitAsync(s_patience);

        foreach (var (key, sum) in calls)
        {
            Assert.Equal((key * 10) + ((key + 1) * 10), await sum);
        }

        Assert.Equal(200, fetcher.Fetches.Count);
    }

    [Fact]
    public async Task A_guest_that_yields_is_called_back_until_it_returns()
    {
        using var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = new Fetcher(), Ledger = new Ledger() });
        Assert.Equal(5u, await guest.Jobs.YieldTimesAsync(5).WaitAsync(s_patience));
        Assert.Equal(0u, await guest.Jobs.YieldTimesAsync(0).WaitAsync(s_patience));
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_guests_task_which_cancels_the_hosts_value_task()
    {
        var fetcher = new Fetcher();
        using var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = fetcher, Ledger = new Ledger() });
        using var cancellation = new CancellationTokenSource();
        var call = guest.Jobs.FetchOrCancelAsync(7, cancellation.Token);
        Assert.False(call.IsCompleted);

        cancellation.Cancel();

        // The guest got TASK_CANCELLED, cancelled its subtask (the token FetchAsync was given) and
        // answered with task.cancel.
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Equal([7u], fetcher.CancelledFetches);
        Assert.False(guest.Instance.IsFaulted);

        var next = guest.Jobs.FetchOrCancelAsync(8);
        fetcher.Release(8);
        Assert.Equal(80u, await next.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_call_whose_import_returned_before_the_cancellation_still_returns_its_value()
    {
        using var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = new Fetcher(answersAtOnce: true), Ledger = new Ledger() });
        using var cancellation = new CancellationTokenSource();
        var call = guest.Jobs.FetchOrCancelAsync(3, cancellation.Token);
        cancellation.Cancel();
        Assert.Equal(30u, await call.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_host_value_task_that_fails_is_a_trap_of_the_guest()
    {
        var fetcher = new Fetcher(fetch: async (key, cancellationToken) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("no value under " + key);
        });
        using var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = fetcher, Ledger = new Ledger() });

        await Assert.ThrowsAsync<WasmTrapException>(() => guest.Jobs.FetchSumAsync(2).WaitAsync(s_patience));
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task An_export_that_exits_without_returning_fails_its_task_with_a_trap()
    {
        using var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = new Fetcher(), Ledger = new Ledger() });
        var trap = await Assert.ThrowsAsync<WasmTrapException>(() => guest.Jobs.ExitWithoutReturnAsync().WaitAsync(s_patience));
        Assert.Contains("exited without calling task.return or task.cancel", trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Disposing_the_instance_ends_its_waiting_calls_and_cancels_the_hosts_value_tasks()
    {
        var fetcher = new Fetcher();
        var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = fetcher, Ledger = new Ledger() });
        var call = guest.Jobs.FetchSumAsync(9);
        guest.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(s_patience));
        Assert.Equal([9u], fetcher.CancelledFetches);
    }
}
