namespace WitHost.Wamr.Tests;

/// <summary>Runs alone: it counts the process's open descriptors, which other tests change.</summary>
[CollectionDefinition(nameof(DescriptorCountingCollection), DisableParallelization = true)]
public sealed class DescriptorCountingCollection;

/// <summary>Every pipe an instance's stdio uses is closed again, whether the instance lived or never came to be.</summary>
[Collection(nameof(DescriptorCountingCollection))]
public sealed class StdioDescriptorTests
{
    // (module (func unreachable) (start 0)): WAMR sets up WASI, then the start function traps.
    internal static readonly byte[] TrappingStart =
    [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
        0x03, 0x02, 0x01, 0x00,
        0x08, 0x01, 0x00,
        0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,
    ];

    // (module (memory 1) (data (i32.const 65535) "ab")): the data does not fit, before WASI is set up.
    private static readonly byte[] s_dataOutOfBounds =
    [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x05, 0x03, 0x01, 0x00, 0x01,
        0x0b, 0x0a, 0x01, 0x00, 0x41, 0xff, 0xff, 0x03, 0x0b, 0x02, 0x61, 0x62,
    ];

    // Each open descriptor and what it names (pipe:[inode], a file, a socket).
    private static Dictionary<string, string?> OpenDescriptors()
    {
        var open = new Dictionary<string, string?>();
        foreach (var path in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                var target = new FileInfo(path).LinkTarget;
                // The listing's own descriptor on /proc/self/fd may get another number each time.
                if (target is not null && !target.StartsWith("/proc/", StringComparison.Ordinal))
                {
                    open[Path.GetFileName(path)] = target;
                }
            }
            catch (IOException)
            {
                // Closed while listed.
            }
        }

        return open;
    }

    /// <summary>
    /// The descriptors open now that were not at <paramref name="baseline"/>. A pipe end an
    /// asynchronous read was using is closed when that read completes, on a thread-pool thread,
    /// which under load comes late; so the descriptors are listed again for a while, and one the
    /// runtime leaked is still open after it. Descriptors closed meanwhile (other code's, such as
    /// an earlier test's instances being finalized) do not count.
    /// </summary>
    private static List<string> OpenedSince(Dictionary<string, string?> baseline)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var opened = OpenDescriptors()
                .Where(d => !baseline.TryGetValue(d.Key, out var target) || target != d.Value)
                .Select(d => $"{d.Key} -> {d.Value}")
                .ToList();
            if (opened.Count == 0 || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return opened;
            }

            Thread.Sleep(20);
        }
    }

    private static WasiOptions Redirected() => new()
    {
        Stdin = WasiInput.FromBytes("input"u8),
        Stdout = WasiOutput.ToStream(Stream.Null),
        Stderr = WasiOutput.ToCallback(_ => { }),
    };

    [Fact]
    public void Disposed_instances_leave_no_descriptor_open()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Bytes);
        module.Instantiate().Dispose();
        var baseline = OpenDescriptors();
        for (int i = 0; i < 50; i++)
        {
            using var quiet = module.Instantiate();
            quiet.Invoke("print-both", i);
            using var redirected = module.Instantiate(options: new InstanceOptions { Wasi = Redirected() });
            redirected.Invoke("print-both", i);
            redirected.Invoke("echo-stdin");
        }
        Assert.Empty(OpenedSince(baseline));
    }

    [Theory]
    [InlineData("trapping start function")]
    [InlineData("data out of bounds")]
    public void Failed_instantiations_leave_no_descriptor_open(string shape)
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(shape == "data out of bounds" ? s_dataOutOfBounds : TrappingStart);
        Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
        var baseline = OpenDescriptors();
        for (int i = 0; i < 50; i++)
        {
            Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
            Assert.Throws<WasmInstantiationException>(() => module.Instantiate(options: new InstanceOptions { Wasi = Redirected() }));
        }
        Assert.Empty(OpenedSince(baseline));
    }
}
