using System.Text;
using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Wamr.Tests;

public sealed class CanonicalAbiHelperTests : IDisposable
{
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;
    private readonly WamrInstance _instance;

    public CanonicalAbiHelperTests()
    {
        _module = _engine.LoadModule(CoreGuest.Loadable);
        _instance = _module.Instantiate();
    }

    public void Dispose()
    {
        _instance.Dispose();
        _module.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public void Cabi_realloc_gives_aligned_guest_memory_the_guest_can_read()
    {
        byte[] data = Enumerable.Range(1, 200).Select(i => (byte)i).ToArray();
        uint pointer = _instance.Realloc(0, 0, 8, (uint)data.Length);
        Assert.Equal(0u, pointer % 8);
        _instance.Memory.Write(pointer, data);
        Assert.Equal((uint)data.Sum(b => b), _instance.Invoke("sum-bytes", pointer, (uint)data.Length)[0].AsUInt32());
    }

    [Fact]
    public void Cabi_realloc_grows_a_block_and_keeps_its_bytes()
    {
        uint pointer = _instance.Realloc(0, 0, 4, 4);
        _instance.Memory.WriteUInt32(pointer, 0xDEADBEEF);
        uint grown = _instance.Realloc(pointer, 4, 4, 1 << 20);
        Assert.Equal(0xDEADBEEFu, _instance.Memory.ReadUInt32(grown));
    }

    [Fact]
    public void Post_return_runs_after_the_host_lifts_a_result()
    {
        WamrFunction greeting = _instance.GetFunction("make-greeting");
        Span<uint> cells = stackalloc uint[1];
        greeting.InvokeCells(cells);
        uint area = cells[0];
        uint textPointer = _instance.Memory.ReadUInt32(area);
        uint textLength = _instance.Memory.ReadUInt32(area + 4);
        Assert.Equal("hello", Encoding.UTF8.GetString(_instance.Memory.Slice(textPointer, textLength)));

        Assert.True(_instance.PostReturn(greeting, cells));
        Assert.Equal(1u, _instance.Invoke("post-calls")[0].AsUInt32());
        Assert.False(_instance.PostReturn(_instance.GetFunction("add-i32"), [3]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_block_from_cabi_realloc_past_the_memorys_end_is_a_trap(bool throughContext)
    {
        // lift-probe's cabi_realloc bumps from 32 KiB in a memory of 64 KiB and never fails: the
        // host's check of the block it returns is what traps. A context leaves that check to the
        // instance's Realloc, so it must trap the same way.
        using WamrModule module = _engine.LoadModule(GuestFiles.Loadable("lift-probe.wasm"));
        using WamrInstance instance = module.Instantiate();
        const uint Size = 40 * 1024;
        var trap = Assert.Throws<WasmTrapException>(() =>
        {
            if (throughContext)
            {
                new CanonicalAbiContext(new WamrCanonicalMemory(instance), StringEncoding.Utf8, "get-string").Allocate(1, Size);
            }
            else
            {
                instance.Realloc(0, 0, 1, Size);
            }
        });
        Assert.Equal(WamrInstance.ReallocName, trap.FunctionName);
        Assert.Equal($"cabi_realloc returned 32768, but {Size} bytes there fall outside the memory of 65536 bytes", trap.TrapMessage);
        Assert.True(instance.IsFaulted);
    }
}
