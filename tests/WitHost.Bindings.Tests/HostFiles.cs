using System.Collections.Concurrent;
using Example.Channels;
using Example.Channels.Files;
using WitHost.Wamr.Async;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The host's <c>files</c> of the channel guest: a file's bytes come from <paramref name="contents"/>
/// (by name), fed to the guest as it reads; the streams the guest writes are read to their end. It
/// keeps what it handed out and what it read, for the tests to look at.
/// </summary>
internal sealed class HostFiles(Func<string, IAsyncEnumerable<byte>> contents) : IFiles
{
    private int _bytesRead;

    /// <summary>The streams <c>open</c> and <c>read-via-stream</c> gave the guest, in order.</summary>
    public ConcurrentQueue<WitStream<byte>> Opened { get; } = new();

    /// <summary>The reads of the streams <c>write-via-stream</c> and <c>append</c> took, in order: each ends with the bytes read.</summary>
    public ConcurrentQueue<Task<byte[]>> Reads { get; } = new();

    /// <summary>The futures <c>scale</c> was given, in order.</summary>
    public ConcurrentQueue<Task<uint>> Scaled { get; } = new();

    /// <summary>The cancellation tokens <c>scale</c> was called with, in order.</summary>
    public ConcurrentQueue<CancellationToken> ScaleTokens { get; } = new();

    /// <summary>The bytes read so far of the streams the guest writes, all of them.</summary>
    public int BytesRead => Volatile.Read(ref _bytesRead);

    public WitStream<byte> Open(string name)
    {
        var stream = new WitStream<byte>(contents(name));
        Opened.Enqueue(stream);
        return stream;
    }

    /// <summary>
    /// When set, <c>read-via-stream</c> answers with the stream this gives it, when that ends
    /// (whatever the call's token says), rather than at once with <c>open</c>'s.
    /// </summary>
    public Func<string, Task<WitStream<byte>>>? LateReadViaStream { get; init; }

    public ValueTask<(WitStream<byte>, Task<Result<Unit, string>>)> ReadViaStreamAsync(string name, CancellationToken cancellationToken)
    {
        if (LateReadViaStream is { } late)
        {
            return new ValueTask<(WitStream<byte>, Task<Result<Unit, string>>)>(WithStatusAsync(late(name)));
        }

        var stream = Open(name);
        return ValueTask.FromResult((stream, StatusOf(stream)));
    }

    private static async Task<(WitStream<byte>, Task<Result<Unit, string>>)> WithStatusAsync(Task<WitStream<byte>> opening)
    {
        var stream = await opening;
        return (stream, StatusOf(stream));
    }

    /// <summary>
    /// When set, what <c>open-later</c> answers with; otherwise <c>open</c>'s stream of the name
    /// and, in a future, that of the name with <c>.next</c> after it, at once.
    /// </summary>
    public Func<string, ValueTask<(WitStream<byte>, Task<WitStream<byte>>)>>? OpenLater { get; init; }

    public ValueTask<(WitStream<byte>, Task<WitStream<byte>>)> OpenLaterAsync(string name, CancellationToken cancellationToken)
        => OpenLater is { } answer ? answer(name) : ValueTask.FromResult((Open(name), Task.FromResult(Open(name + ".next"))));

    public Task<Result<ulong, string>> WriteViaStream(WitStream<byte> data) => CountOf(Read(data));

    public async ValueTask<ulong> AppendAsync(WitStream<byte> data, CancellationToken cancellationToken) => (ulong)(await Read(data)).Length;

    public async ValueTask<uint> ScaleAsync(Task<uint> value, uint factor, CancellationToken cancellationToken)
    {
        Scaled.Enqueue(value);
        ScaleTokens.Enqueue(cancellationToken);
        return await value * factor;
    }

    public WitStream<Entry> Entries(uint n) => new(Listing(n));

    // WASI 0.3's pairing: the future beside a stream says how the stream ended, which its Completion tells.
    private static async Task<Result<Unit, string>> StatusOf(WitStream<byte> stream)
    {
        try
        {
            await stream.Completion;
            return Result<Unit, string>.Ok(Unit.Value);
        }
        catch (Exception exception)
        {
            return Result<Unit, string>.Err(exception.Message);
        }
    }

    private static async Task<Result<ulong, string>> CountOf(Task<byte[]> read)
    {
        try
        {
            return Result<ulong, string>.Ok((ulong)(await read).Length);
        }
        catch (Exception exception)
        {
            return Result<ulong, string>.Err(exception.Message);
        }
    }

    private Task<byte[]> Read(WitStream<byte> data)
    {
        var read = ReadAllAsync(data);
        Reads.Enqueue(read);
        return read;
    }

    private async Task<byte[]> ReadAllAsync(WitStream<byte> data)
    {
        using (data)
        {
            var bytes = new List<byte>();
            await foreach (var value in data)
            {
                bytes.Add(value);
                Interlocked.Increment(ref _bytesRead);
            }

            return [.. bytes];
        }
    }

    // Entry i is "file-<i>" of i × 100 bytes; every other one comes after a yield, so the guest's reads meet both ready and late entries.
    private static async IAsyncEnumerable<Entry> Listing(uint n)
    {
        for (var i = 0u; i < n; i++)
        {
            if (i % 2 == 1)
            {
                await Task.Yield();
            }

            yield return new Entry($"file-{i}", i * 100UL);
        }
    }
}
