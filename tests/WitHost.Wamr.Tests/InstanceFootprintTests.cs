using System.Runtime.CompilerServices;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Native;

namespace WitHost.Wamr.Tests;

/// <summary>
/// What an instance keeps: the smallest operand stack still turns a deep recursion into a trap,
/// the pages given back after instantiation read as before, and the native memory the garbage
/// collector is told of follows what live instances hold, not how many came and went.
/// </summary>
[Collection(nameof(NativeHandleCounting))]
public sealed class InstanceFootprintTests
{
    private static readonly Lazy<byte[]> s_coreCompiled = new(() => GuestMode.Compile(CoreGuest.Bytes));

    [Fact]
    public void A_stack_below_the_smallest_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new InstanceOptions { StackSize = InstanceOptions.MinStackSize - 1 });
        Assert.Equal("StackSize", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InstanceOptions { StackSize = 0 });
        Assert.Equal(InstanceOptions.MinStackSize, new InstanceOptions { StackSize = InstanceOptions.MinStackSize }.StackSize);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_the_smallest_stack_a_deep_recursion_is_a_trap(bool compiled)
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(compiled ? s_coreCompiled.Value : CoreGuest.Bytes);
        using var instance = module.Instantiate(CoreGuest.DefaultImports(), new InstanceOptions { StackSize = InstanceOptions.MinStackSize });

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("recurse", 0, int.MaxValue));
        Assert.Contains("stack overflow", trap.TrapMessage);
        // The host lives on, and another instance of the module still runs.
        using var healthy = module.Instantiate(CoreGuest.DefaultImports());
        Assert.Equal(200, healthy.Invoke("recurse", 0, 100)[0].AsInt32());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pages_given_back_read_as_they_did_and_take_writes(bool compiled)
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(compiled ? s_coreCompiled.Value : CoreGuest.Bytes);
        using var instance = module.Instantiate(CoreGuest.DefaultImports(), new InstanceOptions { ReleaseZeroPages = false });
        // A page of the guest's own that it has written, and one it has not.
        instance.Invoke("store-u8", 70_000, 7);
        byte[] before = instance.Memory.Span.ToArray();
        Assert.Contains(before, b => b != 0);
        // 8 KiB of zeros hold a whole page of the system's around their middle, whatever the
        // alignment of the memory.
        int zeros = FindZeros(before, 8192);

        ulong released = instance.ReleaseZeroPages();

        // The core guest has two pages of memory and the default stack of 64 KiB: most of both
        // holds only zeros.
        Assert.True(released >= 64 * 1024, $"only {released} bytes were given back");
        Assert.True(before.AsSpan().SequenceEqual(instance.Memory.Span), "a page given back reads differently");
        Assert.Equal(7, instance.Invoke("load-u8", 70_000)[0].AsInt32());
        instance.Invoke("store-u8", zeros + 4096, 9);
        Assert.Equal(9, instance.Invoke("load-u8", zeros + 4096)[0].AsInt32());
        Assert.Equal(200, instance.Invoke("recurse", 0, 100)[0].AsInt32());
        // The page written since holds a byte now, and is kept.
        ulong again = instance.ReleaseZeroPages();
        Assert.True(again <= released - 4096, $"{again} bytes given back after {released}");
    }

    private static int FindZeros(byte[] memory, int length)
    {
        for (int start = 0; start + length <= memory.Length; start += 1024)
        {
            if (!memory.AsSpan(start, length).ContainsAnyExcept((byte)0))
            {
                return start;
            }
        }
        throw new InvalidOperationException($"The guest's memory has no {length} bytes of zeros.");
    }

    [Fact]
    public void Instances_made_and_disposed_one_at_a_time_add_no_pressure_and_live_ones_do()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Bytes);
        FinalizationTests.CollectEverything();
        long reported = NativeMemoryPressure.ReportedBytes;
        long held = NativeMemoryPressure.HeldBytes;
        Assert.InRange(held - reported, 0, NativeMemoryPressure.Step - 1);

        for (int i = 0; i < 100; i++)
        {
            using var instance = module.Instantiate(CoreGuest.DefaultImports());
        }

        // 100 instances of about 190 KiB came and went: none of it was added, nor is held now.
        Assert.Equal(reported, NativeMemoryPressure.ReportedBytes);
        Assert.Equal(held, NativeMemoryPressure.HeldBytes);

        var live = new List<WamrInstance>();
        for (int i = 0; i < 40; i++)
        {
            live.Add(module.Instantiate(CoreGuest.DefaultImports()));
        }
        long each = (NativeMemoryPressure.HeldBytes - held) / live.Count;
        Assert.True(each >= 128 * 1024, $"an instance of two pages and a 64 KiB stack holds {each} bytes");
        // Everything live instances hold is reported, but for less than a step.
        Assert.InRange(NativeMemoryPressure.HeldBytes - NativeMemoryPressure.ReportedBytes, 0, NativeMemoryPressure.Step - 1);
        Assert.True(NativeMemoryPressure.ReportedBytes - reported >= (40 * each) - NativeMemoryPressure.Step);

        live.ForEach(instance => instance.Dispose());
        Assert.Equal(held, NativeMemoryPressure.HeldBytes);
        Assert.InRange(NativeMemoryPressure.ReportedBytes - NativeMemoryPressure.HeldBytes, -(NativeMemoryPressure.Step - 1), NativeMemoryPressure.Step - 1);
    }

    [Fact]
    public void Forgotten_instances_stop_counting_when_the_finalizer_frees_them()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Bytes);
        FinalizationTests.CollectEverything();
        long held = NativeMemoryPressure.HeldBytes;

        Forget(module, 40);
        FinalizationTests.CollectEverything();

        // The finalizer's release is counted as Dispose's is.
        Assert.Equal(held, NativeMemoryPressure.HeldBytes);
        Assert.InRange(NativeMemoryPressure.ReportedBytes - NativeMemoryPressure.HeldBytes, -(NativeMemoryPressure.Step - 1), NativeMemoryPressure.Step - 1);
    }

    [Fact]
    public void Memory_the_guest_grows_counts_until_the_instance_is_freed()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        FinalizationTests.CollectEverything();
        long held = NativeMemoryPressure.HeldBytes;
        var instance = module.Instantiate(CoreGuest.DefaultImports());
        long instantiated = NativeMemoryPressure.HeldBytes;
        long pages = instance.Memory.Length / 65536;

        // 64 pages, 4 MiB: WAMR keeps them allocated, whether the guest uses them or not.
        Assert.Equal(pages, instance.Invoke("memory-grow", 64)[0].AsInt32());

        Assert.Equal(instantiated + (64 * 65536), NativeMemoryPressure.HeldBytes);
        // Told to the collector, but for less than a step.
        Assert.InRange(NativeMemoryPressure.HeldBytes - NativeMemoryPressure.ReportedBytes, 0, NativeMemoryPressure.Step - 1);
        // A failed grow (past the 4 GiB a 32-bit memory can have) adds nothing.
        Assert.Equal(-1, instance.Invoke("memory-grow", 65536)[0].AsInt32());
        Assert.Equal(instantiated + (64 * 65536), NativeMemoryPressure.HeldBytes);

        instance.Dispose();
        Assert.Equal(held, NativeMemoryPressure.HeldBytes);
        Assert.InRange(NativeMemoryPressure.ReportedBytes - NativeMemoryPressure.HeldBytes, -(NativeMemoryPressure.Step - 1), NativeMemoryPressure.Step - 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Forget(WamrModule module, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _ = module.Instantiate(CoreGuest.DefaultImports());
        }
    }
}
