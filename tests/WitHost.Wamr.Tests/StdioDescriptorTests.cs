namespace WitHost.Wamr.Tests;

/// <summary>Runs alone: it counts the process's open descriptors, which other tests change.</summary>
[CollectionDefinition(nameof(DescriptorCountingCollection), DisableParallelization = true)]
public sealed class DescriptorCountingCollection;

/// <summary>Every pipe an instance's stdio uses is closed again, whether the instance lived or never came to be.</summary>
[Collection(nameof(DescriptorCountingCollection))]
public sealed class StdioDescriptorTests
{
    // (module (func unreachable) (start 0)): WAMR sets up WASI, then the start function traps.
    private static readonly byte[] s_trappingStart =
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

    private static int OpenDescriptors()
    {
        // Descriptors other tests' objects leave to finalizers (a finished child process's
        // handle, for one) are closed first, so they do not close in the middle of a count.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return Directory.GetFiles("/proc/self/fd").Length;
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
        using var module = engine.LoadModule(StdioGuest.Loadable);
        module.Instantiate().Dispose();
        int baseline = OpenDescriptors();
        for (int i = 0; i < 50; i++)
        {
            using var quiet = module.Instantiate();
            quiet.Invoke("print-both", i);
            using var redirected = module.Instantiate(options: new InstanceOptions { Wasi = Redirected() });
            redirected.Invoke("print-both", i);
            redirected.Invoke("echo-stdin");
        }
        Assert.Equal(baseline, OpenDescriptors());
    }

    [Theory]
    [InlineData("trapping start function")]
    [InlineData("data out of bounds")]
    public void Failed_instantiations_leave_no_descriptor_open(string shape)
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(shape == "data out of bounds" ? s_dataOutOfBounds : s_trappingStart);
        Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
        int baseline = OpenDescriptors();
        for (int i = 0; i < 50; i++)
        {
            Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
            Assert.Throws<WasmInstantiationException>(() => module.Instantiate(options: new InstanceOptions { Wasi = Redirected() }));
        }
        Assert.Equal(baseline, OpenDescriptors());
    }
}
