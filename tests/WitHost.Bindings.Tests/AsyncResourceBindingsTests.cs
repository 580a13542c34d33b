using Example.Concurrency.Counters;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Async methods of resources through the async guest's generated host: the guest's
/// <c>counter</c> (its handle class's <c>AddFetchedAsync</c>…, a static <c>CounterOfFetchedAsync</c>
/// on the interface class), and the host's <c>account</c>, whose <c>BalanceAsync</c> the guest
/// awaits. The answers are those tests/WitHost.Async.Tests checks on the same guest at the core level.
/// </summary>
public sealed class AsyncResourceBindingsTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);
    private static readonly byte[] s_bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "async.wasm"));

    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;
    private readonly Fetcher _fetcher = new();
    private readonly Ledger _ledger = new();

    public AsyncResourceBindingsTests() => _module = _engine.LoadModule(s_bytes);

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    private AsyncGuestHost.Guest Instantiate() => AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = _fetcher, Ledger = _ledger });

    [Fact]
    public async Task An_async_method_awaits_the_hosts_import_and_returns_with_its_counters_value()
    {
        using var guest = Instantiate();
        using var counter = guest.Counters.CreateCounter(100);

        var call = counter.AddFetchedAsync(4);

        Assert.False(call.IsCompleted);
        Assert.Equal([4u], _fetcher.Fetches);
        _fetcher.Release(4);
        Assert.Equal(140u, await call.WaitAsync(s_patience));
    }

    [Fact]
    public async Task Two_tasks_on_one_handle_run_at_once_and_each_gets_its_answer()
    {
        using var guest = Instantiate();
        using var counter = guest.Counters.CreateCounter(1000);

        var first = counter.AddFetchedAsync(1);
        var second = counter.AddFetchedAsync(2);
        Assert.Equal([1u, 2u], _fetcher.Fetches);

        _fetcher.Release(2);
        Assert.Equal(1020u, await second.WaitAsync(s_patience));
        Assert.False(first.IsCompleted);
        _fetcher.Release(1);
        Assert.Equal(1010u, await first.WaitAsync(s_patience));
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_methods_task_and_the_hosts_value_task()
    {
        using var guest = Instantiate();
        using var counter = guest.Counters.CreateCounter(5);
        using var cancellation = new CancellationTokenSource();
        var call = counter.AddFetchedAsync(7, cancellation.Token);
        Assert.False(call.IsCompleted);

        cancellation.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Equal([7u], _fetcher.CancelledFetches);

        // The handle and the instance are fine: the next call answers.
        var next = counter.AddFetchedAsync(8);
        _fetcher.Release(8);
        Assert.Equal(85u, await next.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_trap_inside_the_method_fails_its_task_with_WasmTrapException()
    {
        using var guest = Instantiate();
        using var counter = guest.Counters.CreateCounter(5);
        var call = counter.ExplodeAsync(3);
        Assert.False(call.IsCompleted);

        _fetcher.Release(3);

        await Assert.ThrowsAsync<WasmTrapException>(() => call.WaitAsync(s_patience));
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Disposing_the_handle_mid_task_runs_the_destructor_only_when_the_task_returns()
    {
        using var guest = Instantiate();
        var counter = guest.Counters.CreateCounter(300);
        var call = counter.AddFetchedAsync(5);
        Assert.False(call.IsCompleted);

        // The guest borrows the counter until its task returns (the spec's lend): disposed for the
        // host at once, destroyed for the guest later. The guest traps if its counter is dead when
        // the fetch returns.
        counter.Dispose();
        Assert.True(counter.IsDisposed);
        // A usage error, thrown before any task exists, as .NET's async APIs throw theirs.
        Assert.Throws<ObjectDisposedException>(() => { _ = counter.AddFetchedAsync(6); });
        Assert.Equal(0u, guest.Counters.Destroyed());

        _fetcher.Release(5);
        Assert.Equal(350u, await call.WaitAsync(s_patience));
        Assert.Equal(1u, guest.Counters.Destroyed());
        Assert.False(guest.Instance.IsFaulted);

        // Disposing again does nothing.
        counter.Dispose();
        Assert.Equal(1u, guest.Counters.Destroyed());
    }

    [Fact]
    public async Task A_handle_lent_to_two_tasks_is_destroyed_after_the_last_returns()
    {
        using var guest = Instantiate();
        var counter = guest.Counters.CreateCounter(10);
        var first = counter.AddFetchedAsync(1);
        var second = counter.AddFetchedAsync(2);
        counter.Dispose();

        _fetcher.Release(1);
        Assert.Equal(20u, await first.WaitAsync(s_patience));
        Assert.Equal(0u, guest.Counters.Destroyed());

        _fetcher.Release(2);
        Assert.Equal(30u, await second.WaitAsync(s_patience));
        Assert.Equal(1u, guest.Counters.Destroyed());
    }

    [Fact]
    public async Task A_handle_whose_task_was_cancelled_or_trapped_is_no_longer_lent()
    {
        using var guest = Instantiate();
        var counter = guest.Counters.CreateCounter(10);
        using var cancellation = new CancellationTokenSource();
        var call = counter.AddFetchedAsync(7, cancellation.Token);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_patience));

        // The lend ended with the task: disposing runs the destructor now.
        counter.Dispose();
        Assert.Equal(1u, guest.Counters.Destroyed());
    }

    [Fact]
    public async Task An_async_static_function_returns_a_new_handle()
    {
        using var guest = Instantiate();
        var call = guest.Counters.CounterOfFetchedAsync(6);
        _fetcher.Release(6);

        using var counter = await call.WaitAsync(s_patience);

        var added = counter.AddFetchedAsync(1);
        _fetcher.Release(1);
        Assert.Equal(60u + 10u, await added.WaitAsync(s_patience));
        counter.Dispose();
        Assert.Equal(1u, guest.Counters.Destroyed());
    }

    [Fact]
    public async Task The_guest_awaits_the_async_method_of_a_resource_the_host_implements()
    {
        using var guest = Instantiate();

        var call = guest.Counters.BalanceByIdAsync(9);

        // The guest made account 9 and waits on a subtask for its BalanceAsync.
        Assert.False(call.IsCompleted);
        var account = Assert.Single(_ledger.Opened);
        Assert.Equal(9u, account.Id);
        Assert.Equal(1, account.BalanceCalls);
        Assert.False(account.Disposed);

        _ledger.Release(9);
        Assert.Equal(900u, await call.WaitAsync(s_patience));

        // The guest dropped its own handle after the balance returned: the host's object is disposed.
        Assert.True(account.Disposed);
    }

    [Fact]
    public void The_guest_dropping_an_account_its_async_balance_still_borrows_traps()
    {
        using var guest = Instantiate();

        // The guest lent its own handle to the balance subtask, then drops it before it returns.
        var trap = Assert.Throws<WasmTrapException>(() => guest.Tools.Misuse(9));

        Assert.Contains("account handle 1 is lent to an async call that has not returned", trap.Message);
        var account = Assert.Single(_ledger.Opened);
        Assert.Equal(1, account.BalanceCalls);
        Assert.False(account.Disposed);
    }

    [Fact]
    public async Task An_account_whose_balance_returned_can_be_dropped_and_is_disposed()
    {
        using var guest = Instantiate();
        _ledger.Release(4);

        // The balance was done at once: nothing is lent when the guest drops the account.
        Assert.Equal(400u, await guest.Counters.BalanceByIdAsync(4).WaitAsync(s_patience));
        Assert.True(Assert.Single(_ledger.Opened).Disposed);
    }

    [Fact]
    public async Task An_account_the_async_open_returns_reaches_the_guest_which_drops_it()
    {
        using var guest = Instantiate();
        var call = guest.Counters.OpenAndDropAsync(3);
        Assert.Equal([3u], _ledger.OpensAsked);
        Assert.Empty(_ledger.Opened);

        _ledger.ReleaseOpen(3);

        Assert.Equal(3u, await call.WaitAsync(s_patience));
        Assert.True(Assert.Single(_ledger.Opened).Disposed);
    }

    [Theory]
    [InlineData("trap")]
    [InlineData("dispose")]
    public async Task An_account_the_async_open_returns_after_its_instance_went_is_disposed(string end)
    {
        // open answers only after the instance trapped or was disposed: the guest will never take
        // the account into its table, so nothing would drop it; the host's object is disposed as
        // dropping the guest's own handle would have.
        var guest = Instantiate();
        var call = guest.Counters.OpenAndDropAsync(5);
        Assert.Equal([5u], _ledger.OpensAsked);

        Type expected;
        if (end == "trap")
        {
            Assert.Throws<WasmTrapException>(() => guest.Tools.Misuse(2));
            expected = typeof(WasmInstanceFaultedException);
        }
        else
        {
            guest.Dispose();
            expected = typeof(ObjectDisposedException);
        }

        _ledger.ReleaseOpen(5);

        await Polling.Until(() => _ledger.Opened.TryPeek(out var account) && account.Disposed, s_patience);
        await Assert.ThrowsAsync(expected, () => call.WaitAsync(s_patience));
        guest.Dispose();
    }

    [Fact]
    public async Task Two_accounts_the_async_open_pair_returns_reach_the_guest_which_drops_them()
    {
        using var guest = Instantiate();

        Assert.Equal(4u, await guest.Counters.OpenPairAndDropAsync(4).WaitAsync(s_patience));

        Assert.Equal([4u, 5u], _ledger.Opened.Select(account => account.Id));
        Assert.All(_ledger.Opened, account => Assert.Equal(1, account.DisposeCount));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task An_account_in_a_result_whose_lowering_stops_part_way_is_disposed_once(int nullAt)
    {
        // open-pair answers with a null in place of one account: the lowering stops there (a trap
        // of the guest). The other account, whether the lowering had put it in the guest's table
        // (the null second) or not reached it (the null first), is the host's again and disposed
        // once, as the guest's drop would have: not left over, and not disposed again with the instance.
        var ledger = new Ledger { OpenPair = (first, second) => nullAt == 0 ? (null!, second) : (first, null!) };
        var guest = AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = _fetcher, Ledger = ledger });

        await Assert.ThrowsAsync<WasmTrapException>(() => guest.Counters.OpenPairAndDropAsync(8).WaitAsync(s_patience));
        guest.Dispose();

        var kept = ledger.Opened.ElementAt(1 - nullAt);
        Assert.Equal(1, kept.DisposeCount);
    }

    [Fact]
    public async Task Disposing_the_instance_fails_a_running_method_and_its_lend_ends()
    {
        var guest = Instantiate();
        var counter = guest.Counters.CreateCounter(1);
        var call = counter.AddFetchedAsync(4);

        guest.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(s_patience));
        counter.Dispose();
        Assert.True(counter.IsDisposed);
    }
}
