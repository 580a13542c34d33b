using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Async;

namespace WitHost.Async.Tests;

/// <summary>Each misuse of the async ABI the spec names is a trap that faults the instance.</summary>
public sealed class AsyncMisuseTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Returning_twice_is_a_trap()
    {
        using var guest = new AsyncGuest();
        var call = guest.CallU32("return-twice");

        // The first task.return resolved the call; the second one trapped and faulted the instance.
        Assert.Equal(1u, await call.WaitAsync(s_patience));
        Assert.True(guest.Instance.IsFaulted);
        var faulted = Assert.Throws<WasmInstanceFaultedException>(() => guest.Instance.GetFunction(AsyncGuest.Tools + "parked-set").Invoke());
        Assert.Contains("task.return was called after the task of 'example:concurrency/jobs#return-twice' had already returned", faulted.InnerException!.Message);
    }

    [Fact]
    public async Task Exiting_without_returning_is_a_trap()
    {
        using var guest = new AsyncGuest();
        var trap = await Assert.ThrowsAsync<WasmTrapException>(() => guest.CallU32("exit-without-return").WaitAsync(s_patience));
        Assert.Contains("exited without calling task.return or task.cancel", trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Theory]
    [InlineData(1u, "[stream-read-0]produce", "is not a live handle of this instance")]
    [InlineData(2u, "[waitable-join]", "12345 is not a live handle of this instance (a waitable was expected)")]
    [InlineData(3u, "[subtask-drop]", "is a waitable set, not a subtask")]
    [InlineData(4u, "[error-context-drop]", "is not a live handle of this instance (a error context was expected)")]
    [InlineData(5u, "[task-return]fetch-sum", "task.return was called outside an async export's task")]
    [InlineData(6u, "[waitable-set-wait]", "a synchronous export may not block")]
    [InlineData(7u, "[stream-write-0]produce", "not a writable end")]
    [InlineData(8u, "[stream-read-0]list-entries", "within one instance only streams and futures of numbers may be copied")]
    [InlineData(10u, "[future-drop-writable-0]promise", "was dropped before a value was written")]
    [InlineData(11u, "[future-write-0]promise", "is done (its other end was dropped or its value moved): it may only be dropped")]
    [InlineData(12u, "[future-read-0]promise", "is done (its other end was dropped or its value moved): it may only be dropped")]
    [InlineData(15u, "[async-lower][stream-read-0]discard-words", "is the readable end of a stream<u8>, not of the stream<u32> this built-in serves")]
    [InlineData(16u, "[future-drop-readable-0]outcome", "is the readable end of a future<u32>, not of the future<result<string, error-context>> this built-in serves")]
    public void A_misused_builtin_traps_naming_itself_and_the_misuse(uint which, string builtin, string misuse)
    {
        using var guest = new AsyncGuest();
        var trap = Assert.Throws<WasmTrapException>(() => guest.Instance.GetFunction(AsyncGuest.Tools + "misuse").Invoke(WasmValue.FromUInt32(which)));
        Assert.Contains(builtin, trap.TrapMessage);
        Assert.Contains(misuse, trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_future_writer_told_its_reader_dropped_may_drop_its_end_unwritten()
    {
        using var guest = new AsyncGuest();

        // The reader drops first, the write answers DROPPED, and the writer drops its end: no value was owed.
        guest.Instance.GetFunction(AsyncGuest.Tools + "misuse").Invoke(WasmValue.FromUInt32(13));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_stream_moves_through_the_builtins_of_its_type_under_another_name()
    {
        using var guest = new AsyncGuest();

        // A stream<u8> made by produce's built-ins is written, cancelled and dropped through those of
        // discard-octets, whose stream<octet> is a stream<u8>: types are told apart by structure.
        guest.Instance.GetFunction(AsyncGuest.Tools + "misuse").Invoke(WasmValue.FromUInt32(14));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Dropping_a_waitable_set_a_task_waits_on_is_a_trap()
    {
        using var guest = new AsyncGuest();
        var parked = guest.CallU32("park", 3);
        Assert.False(parked.IsCompleted);
        var set = guest.Instance.GetFunction(AsyncGuest.Tools + "parked-set").Invoke()[0];
        Assert.NotEqual(0u, set.AsUInt32());

        var trap = Assert.Throws<WasmTrapException>(() => guest.Instance.GetFunction(AsyncGuest.Tools + "drop-set").Invoke(set));
        Assert.Contains($"waitable set {set.AsUInt32()} has 1 task(s) waiting on it", trap.TrapMessage);
        guest.Release(3);
        await Assert.ThrowsAsync<WasmInstanceFaultedException>(() => parked.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_handle_of_another_instance_is_unknown_and_a_trap()
    {
        using var first = new AsyncGuest();
        using var second = new AsyncGuest();
        var parked = first.CallU32("park", 3);
        var set = first.Instance.GetFunction(AsyncGuest.Tools + "parked-set").Invoke()[0];

        var trap = Assert.Throws<WasmTrapException>(() => second.Instance.GetFunction(AsyncGuest.Tools + "drop-set").Invoke(set));
        Assert.Contains($"{set.AsUInt32()} is not a live handle of this instance", trap.TrapMessage);

        // The first instance is untouched.
        first.Release(3);
        Assert.Equal(30u, await parked.WaitAsync(s_patience));
        Assert.False(first.Instance.IsFaulted);
    }

    [Fact]
    public void Giving_away_a_readable_end_that_is_done_is_a_trap()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestMode.Prepare(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "async-done-end.wasm"))));
        using var instance = module.Instantiate(AsyncBuiltins.AddTo(new()));

        // Until the guest reads it, a stream whose writer is gone may still be given away.
        using (AsyncChannels.TakeStreamReader(instance, instance.GetFunction("unread-reader").Invoke()[0].AsUInt32(), "unread-reader"))
        {
            Assert.False(instance.IsFaulted);
        }

        var done = instance.GetFunction("done-reader").Invoke()[0].AsUInt32();
        var trap = Assert.Throws<WasmTrapException>(() => AsyncChannels.TakeStreamReader(instance, done, "done-reader"));
        Assert.Contains($"handle {done} is the readable end of a stream, which is done", trap.TrapMessage);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public void A_guest_that_needs_stack_switching_is_refused_at_instantiation_naming_what_it_needs()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestMode.Prepare(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "async-stackful.wasm"))));
        var refused = Assert.Throws<WasmInstantiationException>(() => module.Instantiate(AsyncBuiltins.AddTo(new())));
        Assert.Contains("'[thread-new-indirect-v0]', which needs stack switching", refused.Message);
        Assert.Contains("'[async-lift-stackful]example:concurrency/jobs#yield-times' is lifted async without a callback", refused.Message);
    }
}
