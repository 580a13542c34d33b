using WitHost.Wamr.Async;

namespace WitHost.Async.Tests;

/// <summary>
/// Async methods of resources at the core level: the guest's <c>counter</c> (its methods lifted
/// with the callback ABI, <c>self</c> passed as the representation, results through
/// <c>[task-return][method]counter.…</c> of <c>[export]example:concurrency/counters</c>) and the
/// host's <c>account</c>, whose async method <c>[async-lower][method]account.balance</c> the guest
/// awaits on a subtask.
/// </summary>
public sealed class AsyncResourceMethodTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_async_method_awaits_a_host_import_and_returns_with_its_counters_value()
    {
        using var guest = new AsyncGuest();
        var counter = guest.NewCounter(100);

        var call = guest.CallCounter("[method]counter.add-fetched", default, counter, 4);

        Assert.False(call.IsCompleted);
        Assert.Equal([4u], guest.Fetches);
        guest.Release(4);
        Assert.Equal(140u, await call.WaitAsync(s_patience));
    }

    [Fact]
    public async Task Two_tasks_on_one_counter_run_at_once_and_end_in_the_order_their_imports_do()
    {
        using var guest = new AsyncGuest();
        var counter = guest.NewCounter(1000);

        var first = guest.CallCounter("[method]counter.add-fetched", default, counter, 1);
        var second = guest.CallCounter("[method]counter.add-fetched", default, counter, 2);
        Assert.Equal([1u, 2u], guest.Fetches);

        guest.Release(2);
        Assert.Equal(1020u, await second.WaitAsync(s_patience));
        Assert.False(first.IsCompleted);
        guest.Release(1);
        Assert.Equal(1010u, await first.WaitAsync(s_patience));
    }

    [Fact]
    public async Task Cancelling_a_method_cancels_its_import_and_ends_the_task_cancelled()
    {
        using var guest = new AsyncGuest();
        var counter = guest.NewCounter(5);
        using var cancellation = new CancellationTokenSource();
        var call = guest.CallCounter("[method]counter.add-fetched", cancellation.Token, counter, 7);

        cancellation.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Equal([7u], guest.CancelledFetches);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_trap_inside_an_async_method_fails_its_task_and_faults_the_instance()
    {
        using var guest = new AsyncGuest();
        var counter = guest.NewCounter(5);
        var call = guest.CallCounter("[method]counter.explode", default, counter, 3);
        Assert.False(call.IsCompleted);

        guest.Release(3);

        await Assert.ThrowsAsync<WasmTrapException>(() => call.WaitAsync(s_patience));
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task An_async_static_function_returns_a_new_handle_through_task_return()
    {
        using var guest = new AsyncGuest();
        var call = guest.CallCounter("[static]counter.of-fetched", default, 6);
        guest.Release(6);

        var handle = (int)await call.WaitAsync(s_patience);

        // The guest made the counter with [resource-new] before returning its handle.
        var counter = guest.CounterReps[handle];
        guest.Release(1);
        Assert.Equal(60u + 10u, await guest.CallCounter("[method]counter.add-fetched", default, counter, 1).WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_guest_awaits_the_async_method_of_a_resource_the_host_implements()
    {
        using var guest = new AsyncGuest();
        var call = AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Counters + "balance-by-id", [WasmValue.FromUInt32(9)], returned => returned.GetUInt32(0));

        // The guest made account 9 and waits for its balance on a subtask.
        Assert.False(call.IsCompleted);
        Assert.Equal([9u], guest.Balances);
        Assert.Equal([9u], guest.Accounts.Values);

        guest.Release(9);
        Assert.Equal(900u, await call.WaitAsync(s_patience));

        // It dropped the account after the balance returned.
        Assert.Empty(guest.Accounts);
    }
}
