using WitHost.Wamr.Memory;

namespace WitHost.Wamr.Tests;

public sealed class MemoryTests : IDisposable
{
    private const int PageSize = 65536;
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;
    private readonly WamrInstance _instance;

    public MemoryTests()
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
    public void Host_writes_are_seen_by_the_guest_and_guest_writes_by_the_host()
    {
        uint address = _instance.Realloc(0, 0, 1, 16);
        _instance.Memory.WriteByte(address, 0xAB);
        Assert.Equal(0xABu, _instance.Invoke("load-u8", address)[0].AsUInt32());

        _instance.Invoke("store-u8", address + 1, 0xCDu);
        Assert.Equal(0xCD, _instance.Memory.ReadByte(address + 1));
    }

    [Fact]
    public void The_view_has_the_memorys_size_and_follows_growth()
    {
        uint pages = _instance.Invoke("memory-pages")[0].AsUInt32();
        Assert.Equal(pages * PageSize, (uint)_instance.Memory.Length);

        int previous = _instance.Invoke("memory-grow", 3u)[0].AsInt32();
        Assert.Equal((int)pages, previous);
        Assert.Equal((pages + 3) * PageSize, (uint)_instance.Memory.Length);

        // The new pages are usable from both sides.
        uint last = (pages + 3) * PageSize - 1;
        _instance.Memory.WriteByte(last, 0x5A);
        Assert.Equal(0x5Au, _instance.Invoke("load-u8", last)[0].AsUInt32());
    }

    [Fact]
    public void Access_outside_the_memory_throws_and_reads_nothing()
    {
        int length = checked((int)_instance.Memory.Length);
        var e = Assert.Throws<GuestMemoryAccessException>(() => _instance.Memory.ReadUInt32((uint)length - 2));
        Assert.Equal((uint)length - 2, e.Offset);
        Assert.Throws<GuestMemoryAccessException>(() => _instance.Memory.Slice(uint.MaxValue, 2));
        Assert.Throws<GuestMemoryAccessException>(() => _instance.Memory.Slice(0, (uint)length + 1));
        Assert.Equal(length, _instance.Memory.Slice(0, (uint)length).Length);
    }

    [Fact]
    public void A_memory_limit_makes_growth_fail_in_the_guest()
    {
        uint declared = WamrEngine.Inspect(CoreGuest.Bytes).MemoryLimits!.Value.MinimumPages;
        using var module = _engine.LoadModule(CoreGuest.Loadable, new ModuleOptions { MaxMemoryPages = declared + 2 });
        using var instance = module.Instantiate();
        Assert.Equal((int)declared, instance.Invoke("memory-grow", 2u)[0].AsInt32());
        Assert.Equal(-1, instance.Invoke("memory-grow", 1u)[0].AsInt32());
        Assert.Equal((declared + 2) * PageSize, (uint)instance.Memory.Length);
    }

    [Fact]
    public void A_memory_limit_below_the_modules_minimum_is_refused()
    {
        var e = Assert.Throws<WasmModuleLoadException>(() => _engine.LoadModule(CoreGuest.Loadable, new ModuleOptions { MaxMemoryPages = 1 }));
        Assert.Contains("at least", e.Message);
    }
}
