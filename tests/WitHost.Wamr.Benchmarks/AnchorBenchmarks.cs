using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WitHost.Wamr.Benchmarks.Generated;
using WitHost.Wamr.Benchmarks.NativeHost;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// The cost of a call across the host/guest boundary, generated bindings against C: the anchor
/// guest (tests/guests/anchor.c, wit/anchor.wit) called by the bindings <c>[WitHost]</c> generates
/// and by a C host straight on WAMR's API (NativeHost/anchor_host.c) on the same libiwasm, in one
/// run. Each category is one call; the C host is its baseline, so the Ratio column reads
/// generated / C.
/// </summary>
/// <remarks>
/// Every benchmark makes a batch of calls (<c>OperationsPerInvoke</c>): the C host makes the batch
/// inside one P/Invoke, so the times are per call on both sides. Each side has its own instance of
/// the module, loaded from the same bytes.
/// </remarks>
// Timed by the wall clock and by the benchmark thread's CPU time, like the engine suites: the
// C host makes its calls on the same thread, so the second leaves out what the shared machine's
// load adds to both sides.
[Config(typeof(Engines.EngineTimingConfig))]
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class AnchorBenchmarks
{
    private const int Batch = 1000;
    private const int KilobyteBatch = 100;
    private const int LargeBatch = 4;

    private static readonly string s_text16 = Text(16);
    private static readonly string s_text1K = Text(1024);
    private static readonly string s_text64K = Text(64 * 1024);
    private static readonly byte[] s_utf8_16 = Encoding.UTF8.GetBytes(s_text16);
    private static readonly byte[] s_utf8_1K = Encoding.UTF8.GetBytes(s_text1K);
    private static readonly byte[] s_utf8_64K = Encoding.UTF8.GetBytes(s_text64K);

    private readonly byte[] _result = new byte[64 * 1024];

    // The UTF-8 overload's result buffer, reused by every call (emptied before each), as the C
    // host reuses _result.
    private readonly ArrayBufferWriter<byte> _utf8Result = new(64 * 1024);
    private WamrEngine _engine = null!;
    private WamrModule _module = null!;
    private AnchorHost.Guest _guest = null!;
    private AnchorNativeHost _native = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] wasm = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "anchor.wasm"));
        _engine = new WamrEngine();
        _module = _engine.LoadModule(wasm);
        _guest = AnchorHost.Instantiate(_module, new AnchorHost.Imports());
        _native = new AnchorNativeHost(_engine, wasm);

        // Both hosts must get the guest's answers, or the comparison means nothing.
        Expect(GeneratedAdd() == C_Add(), "add");
        foreach ((string text, byte[] utf8) in new[] { (s_text16, s_utf8_16), (s_text1K, s_utf8_1K), (s_text64K, s_utf8_64K) })
        {
            string expected = text.ToUpperInvariant();
            Expect(_guest.Upper(text) == expected, "generated upper");
            _utf8Result.ResetWrittenCount();
            _guest.Upper(utf8, _utf8Result);
            Expect(Encoding.UTF8.GetString(_utf8Result.WrittenSpan) == expected, "generated upper, UTF-8");
            _native.Upper(utf8, 1, _result);
            Expect(Encoding.UTF8.GetString(_result, 0, utf8.Length) == expected, "C upper");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _native.Dispose();
        _guest.Dispose();
        _module.Dispose();
        _engine.Dispose();
    }

    [BenchmarkCategory("noop"), Benchmark(Baseline = true, Description = "C", OperationsPerInvoke = Batch)]
    public void C_Noop() => _native.Noop(Batch);

    [BenchmarkCategory("noop"), Benchmark(Description = "generated", OperationsPerInvoke = Batch)]
    public void GeneratedNoop()
    {
        for (int i = 0; i < Batch; i++)
        {
            _guest.Noop();
        }
    }

    [BenchmarkCategory("add"), Benchmark(Baseline = true, Description = "C", OperationsPerInvoke = Batch)]
    public int C_Add() => _native.Add(Batch, 1);

    [BenchmarkCategory("add"), Benchmark(Description = "generated", OperationsPerInvoke = Batch)]
    public int GeneratedAdd()
    {
        int last = 0;
        for (int i = 0; i < Batch; i++)
        {
            last = _guest.Add(i, 1);
        }
        return last;
    }

    [BenchmarkCategory("upper 16 B"), Benchmark(Baseline = true, Description = "C", OperationsPerInvoke = Batch)]
    public void C_Upper16() => _native.Upper(s_utf8_16, Batch, _result);

    [BenchmarkCategory("upper 16 B"), Benchmark(Description = "generated", OperationsPerInvoke = Batch)]
    public string GeneratedUpper16() => UpperBatch(s_text16, Batch);

    [BenchmarkCategory("upper 16 B"), Benchmark(Description = "generated, UTF-8", OperationsPerInvoke = Batch)]
    public int GeneratedUpper16Utf8() => UpperUtf8Batch(s_utf8_16, Batch);

    [BenchmarkCategory("upper 1 KiB"), Benchmark(Baseline = true, Description = "C", OperationsPerInvoke = KilobyteBatch)]
    public void C_Upper1K() => _native.Upper(s_utf8_1K, KilobyteBatch, _result);

    [BenchmarkCategory("upper 1 KiB"), Benchmark(Description = "generated", OperationsPerInvoke = KilobyteBatch)]
    public string GeneratedUpper1K() => UpperBatch(s_text1K, KilobyteBatch);

    [BenchmarkCategory("upper 1 KiB"), Benchmark(Description = "generated, UTF-8", OperationsPerInvoke = KilobyteBatch)]
    public int GeneratedUpper1KUtf8() => UpperUtf8Batch(s_utf8_1K, KilobyteBatch);

    [BenchmarkCategory("upper 64 KiB"), Benchmark(Baseline = true, Description = "C", OperationsPerInvoke = LargeBatch)]
    public void C_Upper64K() => _native.Upper(s_utf8_64K, LargeBatch, _result);

    [BenchmarkCategory("upper 64 KiB"), Benchmark(Description = "generated", OperationsPerInvoke = LargeBatch)]
    public string GeneratedUpper64K() => UpperBatch(s_text64K, LargeBatch);

    [BenchmarkCategory("upper 64 KiB"), Benchmark(Description = "generated, UTF-8", OperationsPerInvoke = LargeBatch)]
    public int GeneratedUpper64KUtf8() => UpperUtf8Batch(s_utf8_64K, LargeBatch);

    /// <summary>
    /// The C host's calls, each followed by what a .NET caller of any host must do with the
    /// result: make a <see cref="string"/> of it. 128 KiB of UTF-16 goes on the large object
    /// heap, whose collections and fresh pages the generated call pays too; the difference
    /// between this and the generated call is the rest of what the generated host adds.
    /// </summary>
    [BenchmarkCategory("upper 64 KiB"), Benchmark(Description = "C, then a string of its result", OperationsPerInvoke = LargeBatch)]
    public string C_Upper64KToString()
    {
        string result = "";
        for (int i = 0; i < LargeBatch; i++)
        {
            _native.Upper(s_utf8_64K, 1, _result);
            result = Encoding.UTF8.GetString(_result.AsSpan(0, s_utf8_64K.Length));
        }
        return result;
    }

    private string UpperBatch(string text, int times)
    {
        string result = "";
        for (int i = 0; i < times; i++)
        {
            result = _guest.Upper(text);
        }
        return result;
    }

    // The UTF-8 overload into the reused writer: no string either way, as the C host.
    private int UpperUtf8Batch(byte[] utf8, int times)
    {
        int written = 0;
        for (int i = 0; i < times; i++)
        {
            _utf8Result.ResetWrittenCount();
            written = _guest.Upper(utf8, _utf8Result);
        }
        return written;
    }

    /// <summary>Lower-case ASCII letters and digits: what upper changes and what it keeps.</summary>
    private static string Text(int length) => string.Create(length, 0, static (chars, _) =>
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[i % alphabet.Length];
        }
    });

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The generated and the C host disagree: " + what);
        }
    }
}
