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
public sealed class ImportChannelBindingsTests(ChannelGuest guest) : IClassFixture<ChannelGuest>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    private ChannelGuestHost.Guest Instantiate(HostFiles files) => ChannelGuestHost.Instantiate(guest.Module, new ChannelGuestHost.Imports { Files = files });

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

    private static async IAsyncEnumerable<byte> FailingSource(int count, Exception failure)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return (byte)i;
        }

        throw failure;
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
