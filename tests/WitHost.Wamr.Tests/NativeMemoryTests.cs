using System.Runtime.CompilerServices;
using WitHost.Wamr.Native;

namespace WitHost.Wamr.Tests;

/// <summary>
/// What the runtime allocates natively for WAMR (module bytes, WASI strings, its share of the
/// runtime) is given back on every failure path and by objects nobody disposed.
/// </summary>
[Collection(nameof(NativeHandleCounting))]
public sealed class NativeMemoryTests
{
    [Fact]
    public void Refused_loads_and_instantiations_free_what_they_copied()
    {
        using var engine = new WamrEngine();
        using var trapping = engine.LoadModule(StdioDescriptorTests.TrappingStart);
        using var guest = engine.LoadModule(CoreGuest.Bytes);
        FinalizationTests.CollectEverything();
        int blocks = NativeBlock.LiveCount;
        int references = WamrRuntime.ReferenceCount;
        var wasi = new WasiOptions { Arguments = ["fine", "also fine"], Environment = new Dictionary<string, string> { ["KEY"] = "value" } };

        for (int i = 0; i < 20; i++)
        {
            // WAMR refuses the bytes after they were copied for it.
            Assert.Throws<WasmModuleLoadException>(() => engine.LoadModule("not a wasm module at all"u8));
            // The WASI strings were copied, then the start function trapped.
            Assert.Throws<WasmInstantiationException>(() => trapping.Instantiate(options: new InstanceOptions { Wasi = wasi }));
            // One string is refused: the others are not copied or are freed again.
            var refused = new WasiOptions { Arguments = ["fine", "bad\0"] };
            Assert.Throws<ArgumentException>(() => guest.Instantiate(CoreGuest.DefaultImports(), new InstanceOptions { Wasi = refused }));
        }

        Assert.Equal(blocks, NativeBlock.LiveCount);
        Assert.Equal(references, WamrRuntime.ReferenceCount);
    }

    [Fact]
    public void Failing_instantiations_do_not_leak()
    {
        // Each failed attempt used to keep WAMR's instance (memory, stacks: ~250 KiB here) for ever.
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(Untrusted.WasmBytes.OneFunction("_initialize", [0x7F], memoryPages: 2));
        for (int i = 0; i < 50; i++)
        {
            Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
        }

        int instances = WamrInstanceHandle.LiveCount;
        long before = ResidentBytes();
        for (int i = 0; i < 2_000; i++)
        {
            Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
        }

        // Every instance was freed when its instantiation failed, not left to the finalizer.
        Assert.Equal(instances, WamrInstanceHandle.LiveCount);
        // The process's size also moves with what the allocator and the garbage collector do
        // meanwhile, which settles; 2,000 leaked instances (500 MiB) do not. So a large growth is
        // measured again before it counts.
        long growth = ResidentBytes() - before;
        for (int attempt = 0; attempt < 3 && growth >= 64L << 20; attempt++)
        {
            Thread.Sleep(200);
            growth = ResidentBytes() - before;
        }

        Assert.True(growth < 64L << 20, $"2,000 failed instantiations grew the process by {growth >> 20} MiB");
    }

    [Fact]
    public void A_loaded_module_keeps_its_bytes_until_it_is_unloaded()
    {
        using var engine = new WamrEngine();
        // The first load registers the guest's imports with WAMR, whose tables stay while it runs.
        engine.LoadModule(CoreGuest.Bytes).Dispose();
        FinalizationTests.CollectEverything();
        int blocks = NativeBlock.LiveCount;

        var module = engine.LoadModule(CoreGuest.Bytes);
        var instance = module.Instantiate(CoreGuest.DefaultImports());
        module.Dispose();
        FinalizationTests.CollectEverything();
        // WAMR still reads the module's bytes while an instance of it lives.
        Assert.Equal(blocks + 1, NativeBlock.LiveCount);
        Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());

        instance.Dispose();
        Assert.Equal(blocks, NativeBlock.LiveCount);
    }

    [Fact]
    public void An_engine_nobody_disposed_gives_its_share_of_the_runtime_back()
    {
        using var engine = new WamrEngine();
        FinalizationTests.CollectEverything();
        int references = WamrRuntime.ReferenceCount;

        ForgetEngines(10);
        FinalizationTests.CollectEverything();

        Assert.Equal(references, WamrRuntime.ReferenceCount);
        using var module = engine.LoadModule(CoreGuest.Bytes);
        using var instance = module.Instantiate(CoreGuest.DefaultImports());
        Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ForgetEngines(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _ = new WamrEngine();
        }
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }
        throw new InvalidOperationException("/proc/self/status has no VmRSS line.");
    }
}
