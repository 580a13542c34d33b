using System.Collections.Concurrent;
using Example.Lends;
using Example.Lends.Tallies;

namespace WitHost.Bindings.Tests;

/// <summary>The generated host of tests/guests/async-lends.c (world async-lends of wit/async-lends.wit).</summary>
[WitHost("../../wit/async-lends.wit", World = "async-lends")]
internal partial class AsyncLendsHost;

/// <summary>tests/guests/async-lends.wasm.</summary>
public sealed class AsyncLendsGuest() : TestGuest("async-lends");

/// <summary>
/// Borrows of the guest's resource nested in an async export's arguments (a list, a record) are
/// lent to the guest's whole task, as the Canonical ABI's lift_borrow lends them until the callee
/// returns: disposing one mid-task runs the guest's destructor only when the task ends. The guest
/// reads its tallies after the host's fetch returns, and traps on one already destroyed.
/// </summary>
public sealed class AsyncLendsBindingsTests : IClassFixture<AsyncLendsGuest>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);
    private readonly AsyncLendsGuest _guest;
    private readonly GatedFetcher _fetcher = new();

    public AsyncLendsBindingsTests(AsyncLendsGuest guest) => _guest = guest;

    private AsyncLendsHost.Guest Instantiate() => AsyncLendsHost.Instantiate(_guest.Module, new AsyncLendsHost.Imports { Fetcher = _fetcher });

    [Fact]
    public async Task A_borrow_in_a_list_disposed_mid_task_is_destroyed_when_the_task_returns()
    {
        using var guest = Instantiate();
        var first = guest.Tallies.CreateTally(100);
        var second = guest.Tallies.CreateTally(20);

        var sum = guest.Tallies.SumFetchedAsync([first, second], 3);
        Assert.False(sum.IsCompleted);
        first.Dispose();
        Assert.True(first.IsDisposed);
        Assert.Equal(0u, guest.Tallies.Destroyed());

        _fetcher.Release(3);
        Assert.Equal(100u + 20u + 30u, await sum.WaitAsync(s_patience));
        Assert.Equal(1u, guest.Tallies.Destroyed());
        Assert.False(guest.Instance.IsFaulted);

        second.Dispose();
        Assert.Equal(2u, guest.Tallies.Destroyed());
    }

    [Fact]
    public async Task A_borrow_in_a_record_disposed_mid_task_is_destroyed_when_the_task_returns()
    {
        using var guest = Instantiate();
        var left = guest.Tallies.CreateTally(100);
        var right = guest.Tallies.CreateTally(20);

        var difference = guest.Tallies.PairFetchedAsync(new Pair(left, right), 4);
        Assert.False(difference.IsCompleted);
        right.Dispose();
        left.Dispose();
        Assert.Equal(0u, guest.Tallies.Destroyed());

        _fetcher.Release(4);
        Assert.Equal(100u - 20u + 40u, await difference.WaitAsync(s_patience));
        Assert.Equal(2u, guest.Tallies.Destroyed());
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_handle_lent_twice_in_one_list_is_destroyed_once_after_the_task()
    {
        using var guest = Instantiate();
        var tally = guest.Tallies.CreateTally(7);

        var sum = guest.Tallies.SumFetchedAsync([tally, tally], 1);
        tally.Dispose();
        Assert.Equal(0u, guest.Tallies.Destroyed());

        _fetcher.Release(1);
        Assert.Equal(7u + 7u + 10u, await sum.WaitAsync(s_patience));
        Assert.Equal(1u, guest.Tallies.Destroyed());
    }

    [Fact]
    public async Task A_disposed_handle_in_the_list_fails_the_call_and_ends_the_lends_made_before_it()
    {
        using var guest = Instantiate();
        var live = guest.Tallies.CreateTally(1);
        var disposed = guest.Tallies.CreateTally(2);
        disposed.Dispose();

        // The arguments are lowered when the guest's task starts: the call's task fails then.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => guest.Tallies.SumFetchedAsync([live, disposed], 1).WaitAsync(s_patience));

        // The lend the live handle got before the refusal ended with the call: disposing destroys it now.
        Assert.Empty(_fetcher.Fetches);
        live.Dispose();
        Assert.Equal(2u, guest.Tallies.Destroyed());
    }

    /// <summary>The host's fetcher: <c>fetch(key)</c> answers key × 10 once the test lets it (<see cref="Release"/>).</summary>
    private sealed class GatedFetcher : IFetcher
    {
        private readonly ConcurrentDictionary<uint, TaskCompletionSource<uint>> _pending = new();

        /// <summary>The keys the guest fetched, in order.</summary>
        public ConcurrentQueue<uint> Fetches { get; } = new();

        public ValueTask<uint> FetchAsync(uint key, CancellationToken cancellationToken)
        {
            Fetches.Enqueue(key);
            return new ValueTask<uint>(Pending(key).Task);
        }

        /// <summary>Lets the fetch of <paramref name="key"/> answer key × 10.</summary>
        public void Release(uint key) => Pending(key).TrySetResult(key * 10);

        private TaskCompletionSource<uint> Pending(uint key) => _pending.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
