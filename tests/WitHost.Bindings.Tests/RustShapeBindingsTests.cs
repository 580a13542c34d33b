using WitHost.Wamr.Async;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A guest whose async glue has the shape wit-bindgen's Rust runtime gives one (tests/guests/rust-shape.c
/// through its generated host): its core names (stream and future "vtables" named after the first
/// function of the world holding each type, an import's for <c>stream&lt;u8&gt;</c> even where an
/// export's stream moves through it, with N &gt; 0, <c>[task-cancel]</c> from <c>[export]$root</c>
/// for an interface's exports), its callback loop with the task in context slot 0, its synchronous
/// <c>subtask.cancel</c> when a task is dropped, and its inter-task wake-up through the <c>$root</c>
/// built-ins of a stream without elements (<c>[stream-new-unit]</c>…).
/// </summary>
public class RustShapeBindingsTests : IClassFixture<RustShapeGuest>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    private readonly TestGuest _guest;

    public RustShapeBindingsTests(RustShapeGuest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected RustShapeBindingsTests(TestGuest guest) => _guest = guest;

    private RustShapeHost.Guest Instantiate(RustShapeLookup lookup) => RustShapeHost.Instantiate(_guest.Module, new RustShapeHost.Imports { Lookup = lookup });

    private static async IAsyncEnumerable<byte> Bytes(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                await Task.Yield();
            }

            yield return (byte)i;
        }
    }

    private static ulong SumOf(int count) => (ulong)Enumerable.Range(0, count).Sum(i => (byte)i);

    [Fact]
    public void The_guest_matches_the_world_with_the_rust_runtimes_imports()
        => Assert.Empty(RustShapeHost.Validate(_guest.Module));

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task An_export_awaits_the_hosts_import_then_reads_the_stream_the_host_passed(int count)
    {
        var lookup = new RustShapeLookup();
        using var guest = Instantiate(lookup);

        var answer = guest.Tasks.FetchAndSumAsync(4, new WitStream<byte>(Bytes(count)));

        Assert.False(answer.IsCompleted);
        Assert.Equal([4u], lookup.Fetches);
        lookup.Release(4);
        Assert.Equal(40 + SumOf(count), await answer.WaitAsync(s_patience));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task An_import_done_at_once_goes_straight_to_the_stream()
    {
        using var guest = Instantiate(new RustShapeLookup(answersAtOnce: true));

        Assert.Equal(70 + SumOf(300), await guest.Tasks.FetchAndSumAsync(7, new WitStream<byte>(Bytes(300))).WaitAsync(s_patience));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(5000u)]
    public async Task A_stream_and_a_future_the_guest_writes_after_returning_reach_the_host(uint count)
    {
        using var guest = Instantiate(new RustShapeLookup());

        var (numbers, message) = await guest.Tasks.NumbersAsync(count).WaitAsync(s_patience);

        var read = new List<uint>();
        using var patience = new CancellationTokenSource(s_patience);
        await foreach (var number in numbers.WithCancellation(patience.Token))
        {
            read.Add(number);
        }

        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (uint)i), read);
        Assert.Equal($"wrote {count}", await message.WaitAsync(s_patience));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(20_000u)]
    public async Task An_export_writes_a_stream_into_the_hosts_import_while_awaiting_it(uint count)
    {
        using var guest = Instantiate(new RustShapeLookup());

        // The guest makes the stream<u8> through the built-ins named after the import `digest` (the
        // Rust generator's name for that type), passes it to `digest` and writes it while awaiting.
        var sum = await guest.Tasks.ChecksumAsync(count).WaitAsync(s_patience);

        Assert.Equal((uint)SumOf((int)count), sum);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Cancelling_a_task_writing_into_the_hosts_import_cancels_the_import_and_the_write()
    {
        var lookup = new RustShapeLookup(firstDigestStalls: true);
        using var guest = Instantiate(lookup);
        using var cancellation = new CancellationTokenSource();

        var answer = guest.Tasks.ChecksumAsync(20_000, cancellation.Token);
        await lookup.DigestReading.Task.WaitAsync(s_patience);
        await cancellation.CancelAsync();

        // Dropped: the blocking subtask.cancel of digest, the synchronous cancel of the write in
        // progress, the writable end dropped, then [task-cancel].
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer.WaitAsync(s_patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        await lookup.Cancelled.Task.WaitAsync(s_patience);
        Assert.False(guest.Instance.IsFaulted);

        Assert.Equal((uint)SumOf(3000), await guest.Tasks.ChecksumAsync(3000).WaitAsync(s_patience));
    }

    [Theory]
    [InlineData(false, 5u)]
    [InlineData(true, 20_000u)]
    [InlineData(false, 0u)]
    public async Task A_task_yields_while_its_import_runs_polling_its_set_from_the_callback(bool releaseWhileYielding, uint yields)
    {
        var lookup = new RustShapeLookup();
        using var guest = Instantiate(lookup);

        var answer = guest.Tasks.SpinAsync(3, yields);
        if (releaseWhileYielding)
        {
            // The fetch ends while the guest yields: a poll from its callback finds the event.
            lookup.Release(3);
        }
        else
        {
            // Done yielding, the guest waits for the fetch.
            await Task.Delay(50);
            Assert.False(answer.IsCompleted);
            lookup.Release(3);
        }

        Assert.Equal(30 + yields, await answer.WaitAsync(s_patience));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Many_yielding_tasks_and_a_sleeping_one_share_one_instance()
    {
        var lookup = new RustShapeLookup(answersAtOnce: true);
        using var guest = Instantiate(lookup);

        var sleep = guest.Tasks.SleepAsync();
        var spins = Enumerable.Range(1, 20).Select(i => guest.Tasks.SpinAsync((uint)i, 50)).ToArray();
        var answers = await Task.WhenAll(spins).WaitAsync(s_patience);
        Assert.False(sleep.IsCompleted);
        await guest.Tasks.WakeAsync(7).WaitAsync(s_patience);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (uint)(i * 10) + 50), answers);
        Assert.Equal(7u, await sleep.WaitAsync(s_patience));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_task_sleeps_until_another_task_wakes_it_through_a_stream_without_elements()
    {
        using var guest = Instantiate(new RustShapeLookup());

        var sleep = guest.Tasks.SleepAsync();
        await Task.Delay(50);
        Assert.False(sleep.IsCompleted);

        await guest.Tasks.WakeAsync(41).WaitAsync(s_patience);

        Assert.Equal(41u, await sleep.WaitAsync(s_patience));

        // Its wake-up stream, read, cancelled and dropped, left nothing behind: it sleeps and wakes again.
        var again = guest.Tasks.SleepAsync();
        Assert.False(again.IsCompleted);
        await guest.Tasks.WakeAsync(42).WaitAsync(s_patience);
        Assert.Equal(42u, await again.WaitAsync(s_patience));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_future_written_after_the_host_import_reaches_the_host()
    {
        var lookup = new RustShapeLookup();
        using var guest = Instantiate(lookup);

        // fetch-message's future<string> moves through the built-ins named after numbers, whose type it is.
        var answer = guest.Tasks.FetchMessageAsync(3);
        lookup.Release(3);
        var message = await answer.WaitAsync(s_patience);

        Assert.Equal("fetched 30", await message.WaitAsync(s_patience));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Cancelling_a_task_before_it_wrote_its_future_writes_the_writers_default_value_first()
    {
        var lookup = new RustShapeLookup();
        using var guest = Instantiate(lookup);
        using var cancellation = new CancellationTokenSource();

        var answer = guest.Tasks.FetchMessageAsync(4, cancellation.Token);
        Assert.False(answer.IsCompleted);
        await cancellation.CancelAsync();

        // The guest drops its task: the fetch cancelled, the future's writer writes its default value
        // (which waits, as nobody reads), the reader dropped (which ends that write), [task-cancel];
        // then it waits for the write's end and drops the writer. Dropping it unwritten would trap.
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer.WaitAsync(s_patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        await lookup.Cancelled.Task.WaitAsync(s_patience);

        // The instance goes on: the next task runs to its end.
        var next = guest.Tasks.FetchMessageAsync(2);
        lookup.Release(2);
        Assert.Equal("fetched 20", await (await next.WaitAsync(s_patience)).WaitAsync(s_patience));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Cancelling_a_task_awaiting_the_host_cancels_the_import_and_ends_the_task_cancelled()
    {
        var lookup = new RustShapeLookup();
        using var guest = Instantiate(lookup);
        using var cancellation = new CancellationTokenSource();

        var answer = guest.Tasks.FetchAndSumAsync(9, new WitStream<byte>(Bytes(10)), cancellation.Token);
        Assert.False(answer.IsCompleted);
        await cancellation.CancelAsync();

        // The guest drops its task: a blocking subtask.cancel of the fetch, then [task-cancel] of [export]$root.
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer.WaitAsync(s_patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        await lookup.Cancelled.Task.WaitAsync(s_patience);
        Assert.False(guest.Instance.IsFaulted);

        // The instance goes on: the next task runs to its end.
        var next = guest.Tasks.FetchAndSumAsync(2, new WitStream<byte>(Bytes(5)));
        lookup.Release(2);
        Assert.Equal(20 + SumOf(5), await next.WaitAsync(s_patience));
    }
}
