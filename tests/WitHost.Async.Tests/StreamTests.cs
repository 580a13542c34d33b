using System.Buffers.Binary;
using WitHost.Wamr.Async;
using WitHost.Wit.Model;

namespace WitHost.Async.Tests;

/// <summary>Streams and futures of bytes and numbers between the host and the guest.</summary>
public sealed class StreamTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    private static Task<HostStreamReader> Produce(AsyncGuest guest, uint count, uint chunk) =>
        AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Jobs + "produce", [WasmValue.FromUInt32(count), WasmValue.FromUInt32(chunk)],
            call => AsyncChannels.TakeStreamReader(call.Instance, call.GetUInt32(0), "produce", (WitStreamType)AsyncWorld.Export("jobs", "produce").Result!));

    // The guest's consume(stream, buffer) on a new stream<u8> whose writable end is the host's: the sum of the bytes it reads.
    private static Task<ulong> Consume(AsyncGuest guest, uint buffer, out HostStreamWriter writer)
    {
        var type = (WitStreamType)AsyncWorld.Export("jobs", "consume").Parameters[0].Type;
        var handle = AsyncChannels.LowerNewStream(guest.Instance, type, out writer);
        return AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Jobs + "consume", [WasmValue.FromUInt32(handle), WasmValue.FromUInt32(buffer)], call => call.GetUInt64(0));
    }

    private static async Task<byte[]> ReadAll(HostStreamReader reader, int bufferSize, List<int>? reads = null)
    {
        var all = new List<byte>();
        var buffer = new byte[bufferSize];
        while (true)
        {
            var read = await reader.ReadAsync(buffer).AsTask().WaitAsync(s_patience);
            if (read == 0)
            {
                return [.. all];
            }

            reads?.Add(read);
            all.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    [Theory]
    [InlineData(100u, 16u, 5)]
    [InlineData(100u, 3u, 64)]
    [InlineData(1000u, 1000u, 7)]
    [InlineData(0u, 4u, 8)]
    public async Task The_host_reads_a_stream_the_guest_writes_after_returning_with_short_reads_both_ways(uint count, uint chunk, int bufferSize)
    {
        using var guest = new AsyncGuest();
        using var reader = await Produce(guest, count, chunk).WaitAsync(s_patience);
        Assert.Equal("stream<u8>", reader.TypeName);

        var reads = new List<int>();
        var bytes = await ReadAll(reader, bufferSize, reads);

        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (byte)i), bytes);
        // No read moved more than the host's buffer or the guest's write offered.
        Assert.All(reads, read => Assert.InRange(read, 1, Math.Min(bufferSize, (int)chunk)));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task The_guest_reads_a_stream_the_host_writes_in_short_reads_until_the_host_ends_it()
    {
        using var guest = new AsyncGuest();
        var sum = Consume(guest, 7, out var writer);

        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        // The guest reads 7 bytes at a time, so each host write of 64 is taken in short pieces.
        for (var offset = 0; offset < data.Length; offset += 64)
        {
            await writer.WriteAsync(data.AsMemory(offset, Math.Min(64, data.Length - offset))).WaitAsync(s_patience);
        }

        Assert.False(sum.IsCompleted);
        writer.Dispose();
        Assert.Equal((ulong)data.Sum(b => (long)b), await sum.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_host_write_meeting_a_guest_read_that_waits_completes_without_waiting_for_the_guest()
    {
        using var guest = new AsyncGuest();
        // The task's first step runs on this thread: the guest's read of 7 bytes waits when it returns.
        var sum = Consume(guest, 7, out var writer);

        // Nobody runs the guest: this thread copies the bytes into its read at once.
        var write = writer.WriteSomeAsync(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
        Assert.True(write.IsCompleted);
        Assert.Equal(7, await write);

        await writer.WriteAsync(new byte[] { 100 }).WaitAsync(s_patience);
        writer.Dispose();
        Assert.Equal(128UL, await sum.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_host_read_waiting_for_the_guest_ends_with_zero_when_the_guest_drops_its_end()
    {
        using var guest = new AsyncGuest();
        using var reader = await Produce(guest, 3, 3).WaitAsync(s_patience);
        Assert.Equal([0, 1, 2], await ReadAll(reader, 16));
        // Read again after the end: still the end.
        Assert.Equal(0, await reader.ReadAsync(new byte[4]));
    }

    [Fact]
    public async Task A_host_write_ends_with_zero_when_the_guest_dropped_its_end()
    {
        using var guest = new AsyncGuest();
        var type = (WitStreamType)AsyncWorld.Export("jobs", "consume").Parameters[0].Type;
        var handle = AsyncChannels.LowerNewStream(guest.Instance, type, out var writer);
        var sum = AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Jobs + "consume", [WasmValue.FromUInt32(handle), WasmValue.FromUInt32(4)], call => call.GetUInt64(0));
        await writer.WriteAsync(new byte[] { 1, 2, 3 }).WaitAsync(s_patience);
        writer.Dispose();
        Assert.Equal(6ul, await sum.WaitAsync(s_patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await writer.WriteSomeAsync(new byte[] { 1 }));
    }

    [Fact]
    public async Task A_future_the_guest_writes_after_returning_reaches_the_host()
    {
        using var guest = new AsyncGuest();
        using var reader = await AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Jobs + "promise", [WasmValue.FromUInt32(0xC0FFEE)],
            call => AsyncChannels.TakeFutureReader(call.Instance, call.GetUInt32(0), "promise", (WitFutureType)AsyncWorld.Export("jobs", "promise").Result!)).WaitAsync(s_patience);
        var value = new byte[4];
        Assert.True(await reader.ReadAsync(value).AsTask().WaitAsync(s_patience));
        Assert.Equal(0xC0FFEEu, BinaryPrimitives.ReadUInt32LittleEndian(value));
    }

    [Fact]
    public async Task A_future_the_host_writes_reaches_the_guest_which_waits_for_it()
    {
        using var guest = new AsyncGuest();
        var type = (WitFutureType)AsyncWorld.Export("jobs", "await-value").Parameters[0].Type;
        var handle = AsyncChannels.LowerNewFuture(guest.Instance, type, out var writer);
        var result = AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Jobs + "await-value", [WasmValue.FromUInt32(handle)], call => call.GetUInt32(0));
        Assert.False(result.IsCompleted);

        var value = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(value, 41);
        Assert.True(await writer.WriteAsync(value).AsTask().WaitAsync(s_patience));
        Assert.Equal(42u, await result.WaitAsync(s_patience));
    }

    [Fact]
    public async Task Many_streams_read_at_once_from_one_instance_each_carry_their_own_bytes()
    {
        using var guest = new AsyncGuest();
        var readers = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Produce(guest, (uint)(i * 10), (uint)i))).WaitAsync(s_patience);
        var contents = await Task.WhenAll(readers.Select(r => ReadAll(r, 6)));
        for (var i = 0; i < readers.Length; i++)
        {
            Assert.Equal(Enumerable.Range(0, (i + 1) * 10).Select(b => (byte)b), contents[i]);
            readers[i].Dispose();
        }
    }

    [Fact]
    public async Task Taking_a_stream_end_as_another_stream_type_is_a_trap_naming_both()
    {
        // produce returns a stream<u8>; the host takes it as the stream<u32> another function
        // would have, which the spec's lift refuses (e.shared.t != t).
        using var guest = new AsyncGuest();
        var taking = AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Jobs + "produce", [WasmValue.FromUInt32(4), WasmValue.FromUInt32(4)],
            call => AsyncChannels.TakeStreamReader(call.Instance, call.GetUInt32(0), "produce", new WitStreamType(WitPrimitiveType.U32)));

        var trap = await Assert.ThrowsAsync<WasmTrapException>(() => taking.WaitAsync(s_patience));
        Assert.Contains("readable end of a stream<u8>, not of the stream<u32> the host takes", trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Taking_a_future_end_as_another_future_type_is_a_trap_naming_both()
    {
        using var guest = new AsyncGuest();
        var taking = AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Jobs + "promise", [WasmValue.FromUInt32(7)],
            call => AsyncChannels.TakeFutureReader(call.Instance, call.GetUInt32(0), "promise", new WitFutureType(WitPrimitiveType.S32)));

        var trap = await Assert.ThrowsAsync<WasmTrapException>(() => taking.WaitAsync(s_patience));
        Assert.Contains("readable end of a future<u32>, not of the future<s32> the host takes", trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void Taking_a_handle_that_is_not_a_readable_stream_end_is_a_trap()
    {
        using var guest = new AsyncGuest();
        var trap = Assert.Throws<WasmTrapException>(() => AsyncChannels.TakeStreamReader(guest.Instance, 77, "produce"));
        Assert.Contains("77 is not a live handle of this instance", trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_host_read_waiting_on_a_disposed_instance_fails_instead_of_waiting_for_ever()
    {
        var guest = new AsyncGuest();
        var type = (WitStreamType)AsyncWorld.Export("jobs", "consume").Parameters[0].Type;
        AsyncChannels.LowerNewStream(guest.Instance, type, out var writer);
        var write = writer.WriteSomeAsync(new byte[] { 1 }).AsTask();
        Assert.False(write.IsCompleted);
        guest.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => write.WaitAsync(s_patience));
    }

    [Theory]
    [InlineData("trap")]
    [InlineData("dispose")]
    public async Task A_stream_or_future_made_after_the_instance_trapped_or_was_disposed_fails_its_host_copies_at_once(string end)
    {
        var guest = new AsyncGuest();
        var streamType = (WitStreamType)AsyncWorld.Export("jobs", "consume").Parameters[0].Type;
        var futureType = (WitFutureType)AsyncWorld.Export("jobs", "await-value").Parameters[0].Type;
        Assert.Equal(1u, await guest.CallU32("yield-times", 1).WaitAsync(s_patience));
        Exception gone;
        if (end == "trap")
        {
            gone = Assert.Throws<WasmTrapException>(() => guest.Instance.GetFunction(AsyncGuest.Tools + "misuse").Invoke(WasmValue.FromUInt32(2)));
        }
        else
        {
            guest.Dispose();
            gone = new ObjectDisposedException(nameof(WamrInstance));
        }

        // No guest will ever read these: the host's writes fail with why, rather than wait for ever.
        AsyncChannels.LowerNewStream(guest.Instance, streamType, out var streamWriter);
        AsyncChannels.LowerNewFuture(guest.Instance, futureType, out var futureWriter);
        var streamWrite = await Assert.ThrowsAnyAsync<Exception>(() => streamWriter.WriteSomeAsync(new byte[] { 1 }).AsTask().WaitAsync(s_patience));
        var futureWrite = await Assert.ThrowsAnyAsync<Exception>(() => futureWriter.WriteAsync(new byte[4]).AsTask().WaitAsync(s_patience));
        Assert.IsType(gone.GetType(), streamWrite);
        Assert.IsType(gone.GetType(), futureWrite);
        if (end == "trap")
        {
            Assert.Same(gone, streamWrite);
        }

        guest.Dispose();
    }

    [Fact]
    public async Task A_stream_made_while_a_disposed_instance_still_runs_a_call_fails_as_disposed()
    {
        // Dispose while another thread is inside a call returns at once; that thread stops the
        // guest (a trap) and frees the instance as it leaves. A stream made in between is the
        // disposed instance's too: its host copies fail as disposed, not with the stopping trap.
        var guest = new AsyncGuest();
        var streamType = (WitStreamType)AsyncWorld.Export("jobs", "consume").Parameters[0].Type;
        using var inside = new ManualResetEventSlim();
        using var leave = new ManualResetEventSlim();
        guest.AccountOpening = _ =>
        {
            inside.Set();
            leave.Wait(s_patience);
        };
        var call = Task.Run(() => AsyncExportCall.InvokeAsync(guest.Instance, AsyncGuest.Counters + "balance-by-id", [WasmValue.FromUInt32(9)], returned => returned.GetUInt32(0)));
        Assert.True(inside.Wait(s_patience));
        guest.Instance.Dispose();

        AsyncChannels.LowerNewStream(guest.Instance, streamType, out var streamWriter);
        var streamWrite = streamWriter.WriteSomeAsync(new byte[] { 1 }).AsTask();
        leave.Set();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => streamWrite.WaitAsync(s_patience));
        await Assert.ThrowsAnyAsync<Exception>(() => call.WaitAsync(s_patience));
        guest.Dispose();
    }
}
