using Example.Concurrency.Jobs;
using WitHost.Wamr;
using WitHost.Wamr.Async;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Streams, futures and error contexts of the async guest through its generated host:
/// <c>stream&lt;u8&gt;</c> as <see cref="WitStream{T}"/>, <c>future&lt;u32&gt;</c> as
/// <see cref="Task{T}"/>, <c>error-context</c> as <see cref="ErrorContext"/>, both ways. The guest's
/// answers are the ones tests/WitHost.Async.Tests checks at the core level.
/// </summary>
public sealed class ChannelBindingsTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);
    private static readonly byte[] s_bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "async.wasm"));

    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;

    public ChannelBindingsTests() => _module = _engine.LoadModule(s_bytes);

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    private AsyncGuestHost.Guest Instantiate() => AsyncGuestHost.Instantiate(_module, new AsyncGuestHost.Imports { Fetcher = new Fetcher(answersAtOnce: true), Ledger = new Ledger() });

    [Theory]
    [InlineData(100u, 16u, 5)]
    [InlineData(1000u, 1000u, 7)]
    [InlineData(0u, 4u, 8)]
    public async Task A_stream_the_guest_returns_is_read_in_short_reads_as_the_guest_writes_it(uint count, uint chunk, int bufferSize)
    {
        using var guest = Instantiate();
        using var stream = await guest.Jobs.ProduceAsync(count, chunk).WaitAsync(s_patience);

        var all = new List<byte>();
        var buffer = new byte[bufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(s_patience)) > 0)
        {
            // No read moves more than the host's buffer or the guest's write offers.
            Assert.InRange(read, 1, Math.Min(bufferSize, (int)chunk));
            all.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (byte)i), all);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_stream_the_guest_returns_is_an_async_enumerable()
    {
        using var guest = Instantiate();
        using var stream = await guest.Jobs.ProduceAsync(300, 64).WaitAsync(s_patience);

        var all = new List<byte>();
        await foreach (var item in stream.WithCancellation(new CancellationTokenSource(s_patience).Token))
        {
            all.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 300).Select(i => (byte)i), all);
    }

    [Fact]
    public async Task The_guests_writes_wait_for_the_host_to_read_backpressure()
    {
        using var guest = Instantiate();
        using var stream = await guest.Jobs.ProduceAsync(1000, 1000).WaitAsync(s_patience);

        // The guest wrote its 1000 bytes in one write, which waits for the host: a read of 10 takes 10.
        var buffer = new byte[10];
        Assert.Equal(10, await stream.ReadAsync(buffer).AsTask().WaitAsync(s_patience));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (byte)i), buffer);
        Assert.Equal(10, await stream.ReadAsync(buffer).AsTask().WaitAsync(s_patience));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => (byte)i), buffer);
    }

    [Theory]
    [InlineData(100, 7u)]
    [InlineData(5000, 1000u)]
    [InlineData(0, 3u)]
    public async Task A_stream_the_host_passes_is_pulled_from_its_source_as_the_guest_reads(int count, uint guestBuffer)
    {
        using var guest = Instantiate();
        var source = new CountingSource(count);

        var sum = await guest.Jobs.ConsumeAsync(new WitStream<byte>(source), guestBuffer).WaitAsync(s_patience);

        Assert.Equal((ulong)Enumerable.Range(0, count).Sum(i => (byte)i), sum);
        Assert.Equal(count, source.Pulled);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_stream_of_an_alias_of_its_element_is_the_same_stream()
    {
        using var guest = Instantiate();

        // discard-octets takes a stream<octet> (octet is u8): one the host feeds and one another
        // export returned as a stream<u8> are both dropped through its built-in, which serves them.
        var source = new CountingSource(10);
        var fed = new WitStream<byte>(source);
        guest.Tools.DiscardOctets(fed);
        await fed.Completion.WaitAsync(s_patience);
        using var produced = await guest.Jobs.ProduceAsync(5, 5).WaitAsync(s_patience);
        guest.Tools.DiscardOctets(produced);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_stream_end_moves_only_through_the_builtins_of_its_type()
    {
        using var guest = Instantiate();

        // The built-ins of discard-octets serve produce's stream<u8>: the same type by another name.
        guest.Tools.Misuse(14);
        Assert.False(guest.Instance.IsFaulted);

        // Those of discard-words (a stream<u32>) do not.
        var trap = Assert.Throws<WasmTrapException>(() => guest.Tools.Misuse(15));
        Assert.Contains("[async-lower][stream-read-0]discard-words", trap.TrapMessage);
        Assert.Contains("is the readable end of a stream<u8>, not of the stream<u32> this built-in serves", trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_stream_end_of_another_type_than_the_function_says_is_a_trap_when_the_host_takes_it()
    {
        using var guest = Instantiate();

        // mistyped-words returns a stream<u8> end where its type says stream<u32>.
        var trap = Assert.Throws<WasmTrapException>(() => guest.Tools.MistypedWords());
        Assert.Contains("is the readable end of a stream<u8>, not of the stream<u32> the host takes", trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task A_stream_the_host_passes_to_a_faulted_instance_ends_at_once_with_the_trap(int offered)
    {
        using var guest = Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => guest.Tools.Misuse(2));
        var source = new WaitingSource(offered);
        var stream = new WitStream<byte>(source);

        await Assert.ThrowsAsync<WasmInstanceFaultedException>(() => guest.Jobs.ConsumeAsync(stream, 10).WaitAsync(s_patience));

        // No guest will read it: it ends with why, and its source is stopped and disposed.
        Assert.Same(trap, await Assert.ThrowsAsync<WasmTrapException>(() => stream.Completion.WaitAsync(s_patience)));
        await source.Finished.WaitAsync(s_patience);
    }

    [Fact]
    public async Task A_stream_one_guest_returns_passed_to_a_faulted_guest_ends_with_the_trap_and_the_writing_guest_goes_on()
    {
        using var writer = Instantiate();
        using var reader = Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => reader.Tools.Misuse(2));
        var produced = await writer.Jobs.ProduceAsync(500, 33).WaitAsync(s_patience);

        await Assert.ThrowsAsync<WasmInstanceFaultedException>(() => reader.Jobs.ConsumeAsync(produced, 10).WaitAsync(s_patience));

        Assert.Same(trap, await Assert.ThrowsAsync<WasmTrapException>(() => produced.Completion.WaitAsync(s_patience)));

        // The stream is dropped at the writing guest, which is not harmed.
        using var again = await writer.Jobs.ProduceAsync(5, 5).WaitAsync(s_patience);
        Assert.Equal(5, await again.ReadAsync(new byte[10]).AsTask().WaitAsync(s_patience));
        Assert.False(writer.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_stream_the_host_passes_to_a_disposed_instance_stays_the_hosts()
    {
        var guest = Instantiate();
        guest.Dispose();
        using var stream = new WitStream<byte>(new WaitingSource(3));

        await Assert.ThrowsAsync<ObjectDisposedException>(() => guest.Jobs.ConsumeAsync(stream, 10).WaitAsync(s_patience));

        // The call failed before it took the stream: the host still owns it and reads it.
        Assert.Equal(3, await stream.ReadAsync(new byte[10]).AsTask().WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_stream_the_guest_returns_can_be_passed_to_the_guest_again()
    {
        using var guest = Instantiate();
        var produced = await guest.Jobs.ProduceAsync(500, 33).WaitAsync(s_patience);

        var sum = await guest.Jobs.ConsumeAsync(produced, 10).WaitAsync(s_patience);

        Assert.Equal((ulong)Enumerable.Range(0, 500).Sum(i => (byte)i), sum);
        Assert.Throws<InvalidOperationException>(() => { _ = produced.ReadAsync(new byte[1]); });
    }

    [Fact]
    public async Task A_byte_stream_the_guest_returns_reads_as_a_dotnet_stream()
    {
        using var guest = Instantiate();
        using var bytes = (await guest.Jobs.ProduceAsync(2000, 300).WaitAsync(s_patience)).AsStream();
        var copy = new MemoryStream();

        await bytes.CopyToAsync(copy).WaitAsync(s_patience);

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (byte)i), copy.ToArray());
    }

    [Fact]
    public async Task A_dotnet_stream_the_host_passes_is_read_by_the_guest_as_it_reads()
    {
        using var guest = Instantiate();
        var data = Enumerable.Range(0, 10_000).Select(i => (byte)((i * 7) + 1)).ToArray();

        var sum = await guest.Jobs.ConsumeAsync(WitStreams.FromStream(new MemoryStream(data)), 333).WaitAsync(s_patience);

        Assert.Equal(data.Aggregate(0UL, (total, value) => total + value), sum);
    }

    [Fact]
    public async Task A_future_the_guest_returns_is_a_task_of_the_value_it_writes()
    {
        using var guest = Instantiate();

        var future = await guest.Jobs.PromiseAsync(42).WaitAsync(s_patience);

        Assert.Equal(42u, await future.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_task_the_host_passes_is_a_future_the_guest_reads_when_it_ends()
    {
        using var guest = Instantiate();
        var value = new TaskCompletionSource<uint>(TaskCreationOptions.RunContinuationsAsynchronously);

        var answer = guest.Jobs.AwaitValueAsync(value.Task);

        // The guest waits on its read: no thread is held, and nothing moved yet.
        await Task.Delay(50);
        Assert.False(answer.IsCompleted);
        value.SetResult(41);
        Assert.Equal(42u, await answer.WaitAsync(s_patience));
    }

    [Fact]
    public async Task A_task_the_host_passes_that_fails_drops_the_future_which_the_guest_sees()
    {
        using var guest = Instantiate();

        // The guest's await-value traps on a future that ends DROPPED (tests/guests/async.c).
        var answer = guest.Jobs.AwaitValueAsync(Task.FromException<uint>(new InvalidOperationException("no value")));

        await Assert.ThrowsAsync<WasmTrapException>(() => answer.WaitAsync(s_patience));
    }

    [Fact]
    public void An_error_context_the_guest_makes_carries_its_debug_message_and_is_an_exception()
    {
        using var guest = Instantiate();

        var error = guest.Tools.MakeError("disk full: ünïcode ✓");

        Assert.Equal("disk full: ünïcode ✓", error.DebugMessage);
        Action rethrow = () => throw error;
        Assert.Equal("disk full: ünïcode ✓", Assert.Throws<ErrorContext>(rethrow).Message);
    }

    [Fact]
    public void An_error_context_crosses_both_ways_with_its_message()
    {
        using var guest = Instantiate();

        Assert.Equal("from the host", guest.Tools.ErrorMessage(new ErrorContext("from the host")));
        Assert.Equal("there and back", guest.Tools.ErrorMessage(guest.Tools.MakeError("there and back")));
    }

    [Fact]
    public async Task A_stream_of_records_with_strings_the_guest_writes_is_lifted_element_by_element()
    {
        using var guest = Instantiate();
        using var entries = await guest.Jobs.ListEntriesAsync(7).WaitAsync(s_patience);

        var read = new List<Entry>();
        var buffer = new Entry[3];
        int count;
        while ((count = await entries.ReadAsync(buffer).AsTask().WaitAsync(s_patience)) > 0)
        {
            // The guest writes two entries at a time: a read of three gets at most two.
            Assert.InRange(count, 1, 2);
            read.AddRange(buffer.Take(count));
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => new Entry($"entry-{i}", (ulong)i * 10)), read);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_stream_of_records_with_strings_the_host_passes_is_lowered_into_blocks_the_guest_owns()
    {
        using var guest = Instantiate();
        var entries = Enumerable.Range(0, 8).Select(i => new Entry("name-" + new string('é', i), (ulong)i * 3)).ToArray();

        var (names, total) = await guest.Jobs.JoinEntriesAsync(new WitStream<Entry>(Yield(entries))).WaitAsync(s_patience);

        Assert.Equal(string.Join(",", entries.Select(entry => entry.Name)), names);
        Assert.Equal(entries.Aggregate(0UL, (sum, entry) => sum + entry.Size), total);
    }

    [Fact]
    public async Task A_stream_of_records_goes_from_the_guest_through_the_host_back_to_the_guest()
    {
        using var guest = Instantiate();

        var listed = await guest.Jobs.ListEntriesAsync(5).WaitAsync(s_patience);
        var (names, total) = await guest.Jobs.JoinEntriesAsync(listed).WaitAsync(s_patience);

        Assert.Equal("entry-0,entry-1,entry-2,entry-3,entry-4", names);
        Assert.Equal(100UL, total);
    }

    [Fact]
    public async Task A_future_of_a_result_carries_the_guests_string_or_its_error_context()
    {
        using var guest = Instantiate();

        var ok = await (await guest.Jobs.OutcomeAsync("all good", fail: false).WaitAsync(s_patience)).WaitAsync(s_patience);
        var failed = await (await guest.Jobs.OutcomeAsync("it broke", fail: true).WaitAsync(s_patience)).WaitAsync(s_patience);

        Assert.True(ok.IsOk);
        Assert.Equal("all good", ok.Value);
        Assert.False(failed.IsOk);
        Assert.Equal("it broke", failed.Error.DebugMessage);
        Assert.False(guest.Instance.IsFaulted);
    }

    private static async IAsyncEnumerable<T> Yield<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    // Bytes 0, 1, 2… yielded asynchronously every few elements; counts how many the stream pulled.
    private sealed class CountingSource(int count) : IAsyncEnumerable<byte>
    {
        public int Pulled { get; private set; }

        public async IAsyncEnumerator<byte> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < count; i++)
            {
                if (i % 13 == 0)
                {
                    await Task.Yield();
                }

                Pulled++;
                yield return (byte)i;
            }
        }
    }
}
