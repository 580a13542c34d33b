using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WitHost.Wamr.Async;
using WitHost.Wamr.Benchmarks.Engines;
using WitHost.Wamr.Benchmarks.Generated;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// Streams through the generated host's <see cref="WitStream{T}"/>, both ways, on WAMR's
/// interpreter and compiled ahead of time (tests/guests/async-bench.c). One operation moves a
/// whole stream: 1 MiB of <c>stream&lt;u8&gt;</c> in 64 KiB writes and reads, 64 Ki
/// <c>stream&lt;u32&gt;</c> elements 4 Ki at a time, 16 Ki <c>stream&lt;string&gt;</c> elements
/// ("s-0" … "s-1023") 1 Ki at a time. Guest to host: the guest writes, the host reads with a buffer
/// of the same size. Host to guest: the host feeds a <see cref="MemoryStream"/> (bytes) or an
/// <see cref="IAsyncEnumerable{T}"/> whose elements are all available, and the guest reads. Guest
/// to guest (<c>stream&lt;u32&gt;</c>): the stream the guest returns is passed back to it, the host
/// reading one end and writing the other chunk by chunk. The
/// bytes' baselines move the same bytes in the same chunks as <c>list&lt;u8&gt;</c>s through
/// synchronous calls (<c>bytes-chunk</c> returns one, <c>bytes-sum</c> takes one), with the same
/// work on both sides.
/// </summary>
[Config(typeof(AsyncTimingConfig))]
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class AsyncStreamBenchmarks
{
    public const int Bytes = 1 << 20;
    public const int ByteChunk = 64 << 10;
    public const int Numbers = 64 << 10;
    public const int NumberChunk = 4 << 10;
    public const int Strings = 16 << 10;
    public const int StringChunk = 1 << 10;

    private readonly byte[] _byteBuffer = new byte[ByteChunk];
    private readonly uint[] _numberBuffer = new uint[NumberChunk];
    private readonly string[] _stringBuffer = new string[StringChunk];
    private byte[] _bytes = null!;
    private byte[][] _byteChunks = null!;
    private uint[] _numbers = null!;
    private string[] _strings = null!;
    private AsyncBenchGuest _guest = null!;
    private AsyncBenchHost.Guest _instance = null!;

    [Params(AsyncBenchGuest.Interpreter, AsyncBenchGuest.AheadOfTime)]
    public string Engine { get; set; } = AsyncBenchGuest.Interpreter;

    [GlobalSetup]
    public void Setup()
    {
        _guest = new AsyncBenchGuest(Engine);
        _instance = _guest.Instantiate(new BenchClock(answersAtOnce: true));
        _bytes = [.. Enumerable.Range(0, Bytes).Select(i => (byte)(i % ByteChunk))];
        _byteChunks = [.. _bytes.Chunk(ByteChunk)];
        _numbers = [.. Enumerable.Range(0, Numbers).Select(i => (uint)(i % NumberChunk))];
        _strings = [.. Enumerable.Range(0, Strings).Select(i => "s-" + (i % StringChunk))];

        // What each direction must add up to, checked once.
        Expect("bytes out", BytesOut().Result, _bytes.Aggregate(0UL, (sum, value) => sum + value));
        Expect("bytes in", BytesIn().Result, _bytes.Aggregate(0UL, (sum, value) => sum + value));
        Expect("bytes out as lists", BytesOutAsLists(), _bytes.Aggregate(0UL, (sum, value) => sum + value));
        Expect("bytes in as lists", BytesInAsLists(), _bytes.Aggregate(0UL, (sum, value) => sum + value));
        Expect("numbers out", NumbersOut().Result, _numbers.Aggregate(0UL, (sum, value) => sum + value));
        Expect("numbers in", NumbersIn().Result, _numbers.Aggregate(0UL, (sum, value) => sum + value));
        Expect("numbers through", NumbersThrough().Result, _numbers.Aggregate(0UL, (sum, value) => sum + value));
        Expect("strings out", StringsOut().Result, _strings.Aggregate(0UL, (sum, value) => sum + (ulong)value.Length));
        Expect("strings in", StringsIn().Result, _strings.Aggregate(0UL, (sum, value) => sum + (ulong)value.Length));
    }

    [GlobalCleanup]
    public void Cleanup() => _guest.Dispose();

    [BenchmarkCategory("1 MiB of u8, guest to host"), Benchmark(Baseline = true, Description = "list<u8> calls")]
    public ulong BytesOutAsLists()
    {
        ulong total = 0;
        for (var done = 0; done < Bytes; done += ByteChunk)
        {
            var chunk = _instance.Streams.BytesChunk(ByteChunk);
            total += Measure(chunk, chunk.Length, static value => value);
        }

        return total;
    }

    [BenchmarkCategory("1 MiB of u8, guest to host"), Benchmark(Description = "stream<u8>")]
    public async Task<ulong> BytesOut() => await ReadAllAsync(await _instance.Streams.BytesOutAsync(Bytes, ByteChunk).ConfigureAwait(false), _byteBuffer, static value => value).ConfigureAwait(false);

    [BenchmarkCategory("1 MiB of u8, host to guest"), Benchmark(Baseline = true, Description = "list<u8> calls")]
    public ulong BytesInAsLists()
    {
        ulong total = 0;
        for (var done = 0; done < Bytes; done += ByteChunk)
        {
            total += _instance.Streams.BytesSum(_byteChunks[done / ByteChunk]);
        }

        return total;
    }

    [BenchmarkCategory("1 MiB of u8, host to guest"), Benchmark(Description = "stream<u8>")]
    public Task<ulong> BytesIn() => _instance.Streams.BytesInAsync(WitStreams.FromStream(new MemoryStream(_bytes)), ByteChunk);

    [BenchmarkCategory("stream<u32>, 64 Ki"), Benchmark(Description = "guest to host")]
    public async Task<ulong> NumbersOut() => await ReadAllAsync(await _instance.Streams.NumbersOutAsync(Numbers, NumberChunk).ConfigureAwait(false), _numberBuffer, static value => value).ConfigureAwait(false);

    [BenchmarkCategory("stream<u32>, 64 Ki"), Benchmark(Description = "host to guest")]
    public Task<ulong> NumbersIn() => _instance.Streams.NumbersInAsync(new WitStream<uint>(Elements(_numbers)), NumberChunk);

    // The guest's stream passed back to it by the host: a host read of the writing end and a host
    // write to the reading end per chunk, as when a host hands one guest's stream to another.
    [BenchmarkCategory("stream<u32>, 64 Ki"), Benchmark(Description = "guest to guest")]
    public async Task<ulong> NumbersThrough() => await _instance.Streams.NumbersInAsync(await _instance.Streams.NumbersOutAsync(Numbers, NumberChunk).ConfigureAwait(false), NumberChunk).ConfigureAwait(false);

    [BenchmarkCategory("stream<string>, 16 Ki"), Benchmark(Description = "guest to host")]
    public async Task<ulong> StringsOut() => await ReadAllAsync(await _instance.Streams.StringsOutAsync(Strings, StringChunk).ConfigureAwait(false), _stringBuffer, static value => (ulong)value.Length).ConfigureAwait(false);

    [BenchmarkCategory("stream<string>, 16 Ki"), Benchmark(Description = "host to guest")]
    public Task<ulong> StringsIn() => _instance.Streams.StringsInAsync(new WitStream<string>(Elements(_strings)), StringChunk);

    // Reads the stream to its end with the buffer, adding up what each element measures; drops it.
    private static async Task<ulong> ReadAllAsync<T>(WitStream<T> stream, T[] buffer, Func<T, ulong> measure)
    {
        using (stream)
        {
            ulong total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                total += Measure(buffer, read, measure);
            }

            return total;
        }
    }

    // What the first count elements measure, added up: the host's work per element, the same for a stream and its baseline.
    private static ulong Measure<T>(T[] elements, int count, Func<T, ulong> measure)
    {
        ulong total = 0;
        for (var i = 0; i < count; i++)
        {
            total += measure(elements[i]);
        }

        return total;
    }

    private static void Expect(string what, ulong actual, ulong expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{what}: {actual}, expected {expected}.");
        }
    }

#pragma warning disable CS1998 // Every element is available at once: the source never waits.
    private static async IAsyncEnumerable<T> Elements<T>(T[] elements)
    {
        foreach (var element in elements)
        {
            yield return element;
        }
    }
#pragma warning restore CS1998
}
