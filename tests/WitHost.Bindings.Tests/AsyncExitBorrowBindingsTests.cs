using Test.AsyncExitBorrow;
using Test.AsyncExitBorrow.Store;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// An async export that exits while it holds a borrow the host lent to its task
/// (tests/guests/async-exit-borrow.wat): the exit ends the task and the task's borrows with it,
/// and only that task's, so the instance's next call with a borrow runs and a task that holds a
/// borrow meanwhile keeps it. Each task, and a synchronous call, answers for its own borrows only.
/// A task resolves (task.return, task.cancel) only once it dropped its borrows, as the spec says.
/// </summary>
public sealed class AsyncExitBorrowBindingsTests(AsyncExitBorrowGuest guest) : IClassFixture<AsyncExitBorrowGuest>
{
    private readonly Gate _gate = new();

    private AsyncExitBorrowHost.Guest Instantiate() => AsyncExitBorrowHost.Instantiate(guest.Module, new AsyncExitBorrowHost.Imports { Store = _gate });

    [Fact]
    public async Task An_exit_holding_a_borrow_ends_it_and_the_next_call_with_a_borrow_runs()
    {
        using var guest = Instantiate();
        var blob = new Blob(6);

        var exited = await Assert.ThrowsAsync<WasmExitException>(() => guest.ExitHoldingBorrowAsync(blob, 5));

        Assert.Equal(5, exited.Status);
        Assert.Equal(6u, await guest.DropBorrowAsync(blob));
        Assert.False(guest.Instance.IsFaulted);
        Assert.False(blob.Disposed);
    }

    [Fact]
    public async Task Exits_holding_borrows_do_not_add_up()
    {
        using var guest = Instantiate();
        var blob = new Blob(2);

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<WasmExitException>(() => guest.ExitHoldingBorrowAsync(blob, 0));
        }

        Assert.Equal(2u, await guest.DropBorrowAsync(blob));
        Assert.False(blob.Disposed);
    }

    [Fact]
    public async Task An_exit_ends_only_its_own_task_s_borrows()
    {
        using var guest = Instantiate();

        await AssertHeldBorrowOutlives(guest, () => Assert.ThrowsAsync<WasmExitException>(() => guest.ExitHoldingBorrowAsync(new Blob(1), 3)));
    }

    [Fact]
    public async Task A_task_returns_while_another_holds_a_borrow()
    {
        using var guest = Instantiate();

        await AssertHeldBorrowOutlives(guest, async () => Assert.Equal(9u, await guest.DropBorrowAsync(new Blob(9))));
    }

    [Fact]
    public async Task A_synchronous_exit_ends_only_its_call_s_borrows()
    {
        using var guest = Instantiate();

        await AssertHeldBorrowOutlives(guest, () =>
        {
            Assert.Throws<WasmExitException>(() => guest.ExitHoldingBorrowNow(new Blob(1), 2));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_synchronous_call_returns_while_a_task_holds_a_borrow()
    {
        using var guest = Instantiate();

        await AssertHeldBorrowOutlives(guest, () =>
        {
            Assert.Equal(3u, guest.DropBorrowNow(new Blob(3)));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Task_return_holding_a_borrow_is_a_trap()
    {
        using var guest = Instantiate();

        var trap = await Assert.ThrowsAsync<WasmTrapException>(() => guest.ReturnHoldingBorrowAsync(new Blob(4)));

        Assert.Contains("1 borrowed blob handle(s) were not dropped before the task of 'return-holding-borrow' returned", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Task_cancel_holding_a_borrow_is_a_trap()
    {
        using var guest = Instantiate();
        using var cancellation = new CancellationTokenSource();
        var blob = new Blob(4);

        var cancelled = guest.CancelWithBorrowAsync(blob, dropFirst: false, cancellation.Token);
        Assert.False(cancelled.IsCompleted);
        await cancellation.CancelAsync();

        var trap = await Assert.ThrowsAsync<WasmTrapException>(() => cancelled);
        Assert.Contains("1 borrowed blob handle(s) were not dropped before the task of 'cancel-with-borrow' was cancelled", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
        Assert.False(blob.Disposed);
    }

    [Fact]
    public async Task Task_cancel_after_dropping_the_borrow_ends_the_call_cancelled_and_the_instance_runs_on()
    {
        using var guest = Instantiate();
        using var cancellation = new CancellationTokenSource();
        var blob = new Blob(8);

        var cancelled = guest.CancelWithBorrowAsync(blob, dropFirst: true, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(8u, await guest.DropBorrowAsync(blob));
        Assert.False(blob.Disposed);
    }

    // hold-borrow waits for the gate holding its borrow while `meanwhile` runs other calls; then it
    // still has the borrow, drops it and returns, and the instance is not faulted.
    private async Task AssertHeldBorrowOutlives(AsyncExitBorrowHost.Guest guest, Func<Task> meanwhile)
    {
        var holding = guest.HoldBorrowAsync(new Blob(7));

        await meanwhile();
        Assert.False(holding.IsCompleted);
        _gate.Open();

        Assert.Equal(7u, await holding);
        Assert.False(guest.Instance.IsFaulted);
    }

    // The host's gate, which hold-borrow waits for: it opens when the test says.
    private sealed class Gate : IStore
    {
        private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _opened.SetResult();

        public ValueTask GateAsync(CancellationToken cancellationToken) => new(_opened.Task.WaitAsync(cancellationToken));
    }

    private sealed class Blob(uint size) : IBlob, IDisposable
    {
        public bool Disposed { get; private set; }

        public uint Size() => size;

        public void Dispose() => Disposed = true;
    }
}
