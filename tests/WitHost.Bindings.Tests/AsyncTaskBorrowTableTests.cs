using WitHost.Wamr;
using WitHost.Wamr.Async;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.Hosting;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A host that binds tests/guests/async-exit-borrow.wat by hand, with its own
/// <see cref="HandleTable{T}"/> and <see cref="AsyncExportCall"/>: a task that ends without
/// resolving (a trap, an exit) takes the borrows lent to it out of the table, so they count for the
/// resource no longer (<see cref="HandleTable{T}.BorrowCount"/>).
/// </summary>
public sealed class AsyncTaskBorrowTableTests(AsyncExitBorrowGuest guest) : IClassFixture<AsyncExitBorrowGuest>
{
    private const string StoreModule = "test:async-exit-borrow/store";

    private readonly HandleTable<Blob> _blobs = new("blob");
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task A_trap_at_task_return_ends_the_task_s_borrows()
    {
        using var instance = Instantiate();

        await Assert.ThrowsAsync<WasmTrapException>(() => Call(instance, "return-holding-borrow", new Blob(3), []));

        Assert.Equal(0, _blobs.BorrowCount);
        Assert.Equal(0, _blobs.Count);
    }

    [Fact]
    public async Task An_exit_ends_the_task_s_borrows()
    {
        using var instance = Instantiate();

        await Assert.ThrowsAsync<WasmExitException>(() => Call(instance, "exit-holding-borrow", new Blob(3), [WasmValue.FromInt32(5)]));

        Assert.Equal(0, _blobs.BorrowCount);
        Assert.False(instance.IsFaulted);
    }

    [Fact]
    public async Task A_trap_at_task_cancel_ends_the_task_s_borrows()
    {
        using var instance = Instantiate();
        using var cancellation = new CancellationTokenSource();

        var call = Call(instance, "cancel-with-borrow", new Blob(3), [WasmValue.FromInt32(0)], cancellation.Token);
        Assert.Equal(1, _blobs.BorrowCount);
        await cancellation.CancelAsync();

        await Assert.ThrowsAsync<WasmTrapException>(() => call);
        Assert.Equal(0, _blobs.BorrowCount);
        Assert.Equal(0, _blobs.Count);
    }

    [Fact]
    public async Task A_borrow_dropped_before_task_cancel_leaves_nothing_counted()
    {
        using var instance = Instantiate();
        using var cancellation = new CancellationTokenSource();

        var call = Call(instance, "cancel-with-borrow", new Blob(3), [WasmValue.FromInt32(1)], cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(0, _blobs.BorrowCount);
        Assert.False(instance.IsFaulted);
    }

    private WamrInstance Instantiate()
    {
        var imports = new HostImports()
            .Define(StoreModule, "[method]blob.size", call => call.SetResult(_blobs.Get(call.Instance, call.GetInt32(0), "[method]blob.size").Size))
            .Define(StoreModule, "[resource-drop]blob", call => _blobs.Drop(call.Instance, call.GetInt32(0), "[resource-drop]blob"))
            .DefineAsync(StoreModule, "gate", (_, cancellationToken) => AsyncHostImports.WhenDone(_gate.Task.WaitAsync(cancellationToken)));
        return guest.Module.Instantiate(AsyncBuiltins.AddTo(imports));
    }

    // Calls the async export with the blob lent as its first argument (and the rest after it), as a generated host does.
    private Task<uint> Call(WamrInstance instance, string export, Blob blob, WasmValue[] rest, CancellationToken cancellationToken = default)
        => AsyncExportCall.InvokeAsync(instance, export, (blob, rest), (lowering, arguments, flat) =>
        {
            flat[0] = WasmValue.FromInt32(_blobs.AddBorrow(arguments.blob));
            arguments.rest.CopyTo(flat[1..]);
            _blobs.LendBorrowsToTask(lowering);
        }, call => call.GetUInt32(0), cancellationToken);

    internal sealed class Blob(uint size)
    {
        public uint Size => size;
    }
}
