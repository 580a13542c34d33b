using WitHost.Wamr;
using WitHost.Wamr.Async;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Streams and futures through imports the host implements (tests/guests/channels.c through its
/// generated host): streams an import returns, which the guest reads as the host's source yields
/// (WASI 0.3's <c>read-via-stream</c> with the future of how it ended), streams the guest writes
/// into an import taking one (<c>write-via-stream</c>, and an async <c>append</c>), a future the
/// guest writes into an async import, and a <c>stream&lt;entry&gt;</c> of records with strings.
/// </summary>
public class ImportChannelBindingsTests : IClassFixture<ChannelGuest>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    private readonly TestGuest _guest;

    public ImportChannelBindingsTests(ChannelGuest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected ImportChannelBindingsTests(TestGuest guest) => _guest = guest;

    private ChannelGuestHost.Guest Instantiate(HostFiles files) => ChannelGuestHost.Instantiate(_guest.Module, new ChannelGuestHost.Imports { Files = files });

    private static ulong SumOf(int count) => (ulong)Enumerable.Range(0, count).Sum(i => (byte)i);

    [Theory]
    [InlineData(100, 7u)]
    [InlineData(10_000, 1000u)]
    [InlineData(5000, 5000u)]
    [InlineData(0, 3u)]
    public async Task A_stream_an_import_returns_is_read_by_the_guest_to_its_end(int count, uint guestBuffer)
    {
        var source = new PulledSource(count, yieldEvery: 13);
        var files = new HostFiles(_ => source);
        using var instance = Instantiate(files);

        var (read, sum) = await instance.Jobs.ReadAllAsync("data", guestBuffer).WaitAsync(s_patience);

        Assert.Equal((ulong)count, read);
        Assert.Equal(SumOf(count), sum);
        Assert.Equal(count, source.Pulled);
        await Assert.Single(files.Opened).Completion.WaitAsync(s_patience);
        Assert.False(instance.Instance.IsFaulted);
    }

    [Fact]
    public async Task Read_via_stream_gives_the_guest_the_bytes_and_a_future_saying_they_all_came()
    {
        var files = new HostFiles(_ => new PulledSource(3000, yieldEvery: 100));
        using var instance = Instantiate(files);

        var status = await instance.Jobs.ReadAndStatusAsync("data", 256).WaitAsync(s_patience);

        Assert.Equal(Result<ulong, string>.Ok(3000), status);
    }

    [Fact]
    public async Task A_source_that_fails_ends_the_stream_early_and_its_completion_carries_the_exception()
    {
        var files = new HostFiles(_ => FailingSource(50, new IOException("disk failed")));
        using var instance = Instantiate(files);

        // The guest reads the 50 bytes, then its future says why no more came.
        var status = await instance.Jobs.ReadAndStatusAsync("broken", 16).WaitAsync(s_patience);

        Assert.Equal(Result<ulong, string>.Err("disk failed"), status);
        var failure = await Assert.ThrowsAsync<IOException>(() => Assert.Single(files.Opened).Completion.WaitAsync(s_patience));
        Assert.Equal("disk failed", failure.Message);
        Assert.False(instance.Instance.IsFaulted);
    }

    [Theory]
    [InlineData(1000u, 64u)]
    [InlineData(20_000u, 20_000u)]
    [InlineData(0u, 1u)]
    public async Task A_stream_the_guest_writes_into_a_synchronous_import_is_read_by_the_host(uint count, uint chunk)
    {
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"));
        using var instance = Instantiate(files);

        var answer = await instance.Jobs.WriteAllAsync(count, chunk).WaitAsync(s_patience);

        Assert.Equal(Result<ulong, string>.Ok(count), answer);
        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (byte)i), await Assert.Single(files.Reads));
    }

    [Theory]
    [InlineData(777u, 100u)]
    [InlineData(0u, 1u)]
    public async Task A_stream_the_guest_writes_into_an_async_import_is_read_by_the_host(uint count, uint chunk)
    {
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"));
        using var instance = Instantiate(files);

        Assert.Equal(count, await instance.Jobs.AppendAllAsync(count, chunk).WaitAsync(s_patience));
        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (byte)i), await Assert.Single(files.Reads));
    }

    [Fact]
    public async Task A_future_the_guest_passes_to_an_async_import_is_a_task_of_the_value_it_writes_later()
    {
        using var instance = Instantiate(new HostFiles(_ => throw new InvalidOperationException("nothing is opened")));

        Assert.Equal(42u, await instance.Jobs.ScaleLaterAsync(7, 6).WaitAsync(s_patience));
        Assert.Equal(0u, await instance.Jobs.ScaleLaterAsync(0, 6).WaitAsync(s_patience));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(7u)]
    public async Task A_stream_of_records_with_strings_an_import_returns_is_lowered_into_blocks_the_guest_owns(uint count)
    {
        using var instance = Instantiate(new HostFiles(_ => throw new InvalidOperationException("nothing is opened")));

        var (names, total) = await instance.Jobs.JoinListingAsync(count).WaitAsync(s_patience);

        Assert.Equal(string.Join(",", Enumerable.Range(0, (int)count).Select(i => $"file-{i}")), names);
        Assert.Equal(Enumerable.Range(0, (int)count).Aggregate(0UL, (sum, i) => sum + ((ulong)i * 100)), total);
    }

    [Theory]
    [InlineData(5u)]
    [InlineData(100u)]
    public async Task A_source_whose_stream_the_guest_drops_is_cancelled_and_disposed(uint guestRead)
    {
        // The source offers 10 bytes, then waits for a next one that never comes. A guest reading 5
        // drops its end while the rest of the host's write waits for it; one reading 100 takes all
        // 10 and drops it while the host waits on its source.
        var source = new WaitingSource(10);
        var files = new HostFiles(_ => source);
        using var instance = Instantiate(files);

        Assert.Equal(Math.Min(guestRead, 10u), await instance.Jobs.ReadSomeAsync("data", guestRead).WaitAsync(s_patience));

        await source.Finished.WaitAsync(s_patience);
        Assert.True(source.WasCancelled);
        await Assert.Single(files.Opened).Completion.WaitAsync(s_patience);
        Assert.False(instance.Instance.IsFaulted);
    }

    [Theory]
    [InlineData(0, "trap")]
    [InlineData(0, "dispose")]
    [InlineData(10, "dispose")]
    [InlineData(10, "trap")]
    public async Task A_stream_the_host_feeds_ends_with_the_trap_or_disposal_of_the_guests_instance(int offered, string end)
    {
        // With nothing offered the host waits on its source; with 10 bytes its write waits for a
        // read the guest never makes. Either way only the instance going ends the wait.
        var source = new WaitingSource(offered);
        var files = new HostFiles(_ => source);
        using var instance = Instantiate(files);
        var waiting = instance.Jobs.OpenAndWaitAsync("data");
        await source.Waiting.WaitAsync(s_patience);

        var (expected, taskExpected) = EndInstance(instance, end);

        await Assert.ThrowsAsync(expected, () => Assert.Single(files.Opened).Completion.WaitAsync(s_patience));
        await source.Finished.WaitAsync(s_patience);
        Assert.True(source.WasCancelled);
        await Assert.ThrowsAsync(taskExpected, () => waiting.WaitAsync(s_patience));
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("trap")]
    [InlineData("dispose")]
    public async Task A_stream_the_host_feeds_ends_without_waiting_for_a_source_that_ignores_its_token(string end)
    {
        // The source waits for its next byte and ignores the cancellation: the stream is over for
        // the guest all the same, and Completion says so; the source is disposed when its wait ends.
        var source = new WaitingSource(end == "drop" ? 10 : 0, honoursToken: false);
        var files = new HostFiles(_ => source);
        using var instance = Instantiate(files);
        if (end == "drop")
        {
            // The guest reads the 10 bytes and drops its end while the host waits on its source.
            Assert.Equal(10u, await instance.Jobs.ReadSomeAsync("data", 100).WaitAsync(s_patience));
            await Assert.Single(files.Opened).Completion.WaitAsync(s_patience);
        }
        else
        {
            var waiting = instance.Jobs.OpenAndWaitAsync("data");
            await source.Waiting.WaitAsync(s_patience);
            var (expected, taskExpected) = EndInstance(instance, end);
            await Assert.ThrowsAsync(expected, () => Assert.Single(files.Opened).Completion.WaitAsync(s_patience));
            await Assert.ThrowsAsync(taskExpected, () => waiting.WaitAsync(s_patience));
        }

        Assert.False(source.Finished.IsCompleted);
        source.Release();
        await source.Finished.WaitAsync(s_patience);
        Assert.True(source.WasCancelled);
    }

    [Theory]
    [InlineData(10u)]
    [InlineData(1000u)]
    public async Task A_stream_the_guest_writes_ends_with_its_trap_after_the_bytes_the_host_took(uint count)
    {
        // write-then-trap writes `count` bytes to write-via-stream and traps once the host took them.
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"));
        using var instance = Instantiate(files);

        var trap = await Assert.ThrowsAsync<WasmTrapException>(() => instance.Jobs.WriteThenTrapAsync(count).WaitAsync(s_patience));

        Assert.True(instance.Instance.IsFaulted);
        Assert.Same(trap, await Assert.ThrowsAsync<WasmTrapException>(() => Assert.Single(files.Reads).WaitAsync(s_patience)));
        Assert.Equal((int)count, files.BytesRead);
    }

    [Theory]
    [InlineData("trap")]
    [InlineData("dispose")]
    public Task A_read_of_a_stream_the_guest_writes_fails_when_its_instance_traps_or_is_disposed(string end) =>
        HostWaitEndsWithTheInstance(
            end,
            instance => instance.Jobs.WriteAndWaitAsync(10),
            files => files.BytesRead == 10,
            files => Assert.Single(files.Reads));

    [Theory]
    [InlineData("trap")]
    [InlineData("dispose")]
    public Task A_future_the_guest_passes_and_never_writes_fails_when_its_instance_traps_or_is_disposed(string end) =>
        HostWaitEndsWithTheInstance(
            end,
            instance => instance.Jobs.ScaleUnwrittenAsync(6),
            files => !files.Scaled.IsEmpty,
            files => Assert.Single(files.Scaled));

    [Theory]
    [InlineData("trap")]
    [InlineData("dispose")]
    public async Task The_host_task_of_an_async_import_the_guest_waits_on_is_cancelled_when_its_instance_traps_or_is_disposed(string end)
    {
        // No guest code can take the task's result once the instance trapped or went: the host is told to stop.
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"));
        using var instance = Instantiate(files);
        var waiting = instance.Jobs.ScaleUnwrittenAsync(6);
        await Polling.Until(() => !files.ScaleTokens.IsEmpty, s_patience);
        var token = Assert.Single(files.ScaleTokens);
        Assert.False(token.IsCancellationRequested);

        var (_, taskExpected) = EndInstance(instance, end);

        Assert.True(token.IsCancellationRequested);
        await Assert.ThrowsAsync(taskExpected, () => waiting.WaitAsync(s_patience));
    }

    [Theory]
    [InlineData("trap")]
    [InlineData("dispose")]
    public async Task A_stream_an_async_import_returns_after_its_instance_went_ends_with_why_and_is_disposed(string end)
    {
        // read-via-stream answers only after the instance trapped or was disposed: the guest will
        // never take its stream, which ends as one passed to such an instance does, and the .NET
        // stream it was made from is disposed (nobody else would).
        var asked = new TaskCompletionSource();
        var answer = new TaskCompletionSource<WitStream<byte>>();
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"))
        {
            LateReadViaStream = _ =>
            {
                asked.TrySetResult();
                return answer.Task;
            },
        };
        using var instance = Instantiate(files);
        var waiting = instance.Jobs.ReadAndStatusAsync("data", 16);
        await asked.Task.WaitAsync(s_patience);

        var (expected, taskExpected) = EndInstance(instance, end);
        var bytes = new DisposalRecordingStream([1, 2, 3]);
        var stream = WitStreams.FromStream(bytes);
        answer.SetResult(stream);

        await Assert.ThrowsAsync(expected, () => stream.Completion.WaitAsync(s_patience));
        await Polling.Until(() => bytes.IsDisposed, s_patience);
        await Assert.ThrowsAsync(taskExpected, () => waiting.WaitAsync(s_patience));
    }

    [Theory]
    [InlineData("trap", true)]
    [InlineData("dispose", true)]
    [InlineData("trap", false)]
    [InlineData("dispose", false)]
    public async Task A_stream_a_future_brings_after_its_instance_went_ends_with_why_and_is_disposed(string end, bool answersAtOnce)
    {
        // open-later's future gets its stream only after the instance trapped or was disposed.
        // Answered at once, the guest holds the future unread and the host's write of the stream
        // fails; answered after the instance went, the guest never takes the future at all. Either
        // way the stream ends as one passed to such an instance does, and the .NET stream it was
        // made from is disposed (nobody else would), as is the stream beside the future.
        var asked = new TaskCompletionSource();
        var answer = new TaskCompletionSource<(WitStream<byte>, Task<WitStream<byte>>)>();
        var later = new TaskCompletionSource<WitStream<byte>>();
        var firstBytes = new DisposalRecordingStream([4, 5]);
        var first = WitStreams.FromStream(firstBytes);
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"))
        {
            OpenLater = _ =>
            {
                asked.TrySetResult();
                return answersAtOnce ? ValueTask.FromResult((first, later.Task)) : new ValueTask<(WitStream<byte>, Task<WitStream<byte>>)>(answer.Task);
            },
        };
        using var instance = Instantiate(files);
        var waiting = instance.Jobs.OpenLaterAndWaitAsync("data");
        await asked.Task.WaitAsync(s_patience);

        var (expected, taskExpected) = EndInstance(instance, end);
        answer.SetResult((first, later.Task));
        var bytes = new DisposalRecordingStream([1, 2, 3]);
        var stream = WitStreams.FromStream(bytes);
        later.SetResult(stream);

        await Assert.ThrowsAsync(expected, () => stream.Completion.WaitAsync(s_patience));
        await Polling.Until(() => bytes.IsDisposed, s_patience);
        await Assert.ThrowsAsync(expected, () => first.Completion.WaitAsync(s_patience));
        await Polling.Until(() => firstBytes.IsDisposed, s_patience);
        await Assert.ThrowsAsync(taskExpected, () => waiting.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_result_whose_lowering_stops_part_way_discards_what_it_had_not_handed_over()
    {
        // open-later answers with a null where its stream goes: the lowering stops there (a trap
        // of the guest) before it reaches the future, whose stream, when it comes, would go
        // nowhere; it ends with the failure, and the .NET stream it was made from is disposed.
        var later = new TaskCompletionSource<WitStream<byte>>();
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"))
        {
            OpenLater = _ => ValueTask.FromResult((default(WitStream<byte>)!, later.Task)),
        };
        using var instance = Instantiate(files);

        await Assert.ThrowsAsync<WasmTrapException>(() => instance.Jobs.OpenLaterAndWaitAsync("data").WaitAsync(s_patience));
        var bytes = new DisposalRecordingStream([1, 2, 3]);
        var stream = WitStreams.FromStream(bytes);
        later.SetResult(stream);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => stream.Completion.WaitAsync(s_patience));
        Assert.Contains("returned null", failure.Message, StringComparison.Ordinal);
        await Polling.Until(() => bytes.IsDisposed, s_patience);
    }

    [Fact]
    public async Task A_stream_a_result_had_handed_over_before_its_lowering_stopped_is_the_guests()
    {
        // open-later answers with its stream and a null where the future goes: the stream reached
        // the guest before the lowering stopped, so it ends with the guest's trap (as any stream of
        // a trapped instance does), not with the discard of the rest.
        var bytes = new DisposalRecordingStream([4, 5]);
        var first = WitStreams.FromStream(bytes);
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"))
        {
            OpenLater = _ => ValueTask.FromResult((first, default(Task<WitStream<byte>>)!)),
        };
        using var instance = Instantiate(files);

        await Assert.ThrowsAsync<WasmTrapException>(() => instance.Jobs.OpenLaterAndWaitAsync("data").WaitAsync(s_patience));

        await Assert.ThrowsAsync<WasmTrapException>(() => first.Completion.WaitAsync(s_patience));
        await Polling.Until(() => bytes.IsDisposed, s_patience);
    }

    /// <summary>
    /// Starts a guest task that leaves the host waiting on an end the guest holds, until
    /// <paramref name="hostWaits"/>; then ends the instance and checks that the host's wait and the
    /// task fail as they should.
    /// </summary>
    private async Task HostWaitEndsWithTheInstance(string end, Func<ChannelGuestHost.Guest, Task> startTask, Func<HostFiles, bool> hostWaits, Func<HostFiles, Task> hostWait)
    {
        var files = new HostFiles(_ => throw new InvalidOperationException("nothing is opened"));
        using var instance = Instantiate(files);
        var waiting = startTask(instance);
        await Polling.Until(() => hostWaits(files), s_patience);

        var (expected, taskExpected) = EndInstance(instance, end);

        await Assert.ThrowsAsync(expected, () => hostWait(files).WaitAsync(s_patience));
        await Assert.ThrowsAsync(taskExpected, () => waiting.WaitAsync(s_patience));
    }

    /// <summary>
    /// Ends the guest's instance the way <paramref name="end"/> says: a trap of another export
    /// (<c>trap</c>), which faults it, or disposal. Returns what the host's waits on the guest's
    /// ends fail with (the trap, or <see cref="ObjectDisposedException"/>), and what its waiting
    /// tasks fail with (<see cref="WasmInstanceFaultedException"/>, or the same).
    /// </summary>
    private static (Type Waits, Type Tasks) EndInstance(ChannelGuestHost.Guest instance, string end)
    {
        if (end == "trap")
        {
            Assert.Throws<WasmTrapException>(instance.Jobs.Trap);
            Assert.True(instance.Instance.IsFaulted);
            return (typeof(WasmTrapException), typeof(WasmInstanceFaultedException));
        }

        instance.Dispose();
        return (typeof(ObjectDisposedException), typeof(ObjectDisposedException));
    }

    private static async IAsyncEnumerable<byte> FailingSource(int count, Exception failure)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return (byte)i;
        }

        throw failure;
    }

    /// <summary>Bytes in memory that record whether they were disposed.</summary>
    private sealed class DisposalRecordingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>The bytes 0, 1, 2, … modulo 256, counting those pulled; it yields before every <c>yieldEvery</c>-th.</summary>
    private sealed class PulledSource(int count, int yieldEvery) : IAsyncEnumerable<byte>
    {
        private int _pulled;

        public int Pulled => Volatile.Read(ref _pulled);

        public async IAsyncEnumerator<byte> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < count; i++)
            {
                if (i % yieldEvery == 0)
                {
                    await Task.Yield();
                }

                Interlocked.Increment(ref _pulled);
                yield return (byte)i;
            }
        }
    }
}
