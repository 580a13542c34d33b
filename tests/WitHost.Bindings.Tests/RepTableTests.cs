using WitHost.Wamr;
using WitHost.Wamr.Bindings;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The per-instance table behind <c>[resource-new]</c>, <c>[resource-rep]</c> and
/// <c>[resource-drop]</c> of a resource the guest implements.
/// </summary>
public sealed class RepTableTests : IClassFixture<SampleGuest>
{
    private readonly SampleGuest _guest;
    private readonly RecordingHost _host = new();

    public RepTableTests(SampleGuest guest) => _guest = guest;

    [Fact]
    public void New_hands_out_indexes_from_one_that_give_back_the_representation()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new RepTable("counter");
        var a = table.New(0x1000);
        var b = table.New(0x2000);
        Assert.Equal(1, a);
        Assert.Equal(2, b);
        Assert.Equal(0x2000u, table.Rep(guest.Instance, b, "[resource-rep]counter"));
        Assert.Equal(0x1000u, table.Take(guest.Instance, a, "f"));
        Assert.Equal(1, table.Count);
        Assert.Equal(a, table.New(0x3000));
    }

    [Fact]
    public void A_taken_or_dropped_handle_traps()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new RepTable("counter");
        var taken = table.New(8);
        var dropped = table.New(16);
        Assert.Equal(8u, table.Take(guest.Instance, taken, "f"));
        Assert.Equal(16u, table.Drop(guest.Instance, dropped, "[resource-drop]counter"));
        var trap = Assert.Throws<WasmTrapException>(() => table.Rep(guest.Instance, taken, "[resource-rep]counter"));
        Assert.Contains("1 is not a live counter handle", trap.Message, StringComparison.Ordinal);
        Assert.Throws<WasmTrapException>(() => table.Drop(guest.Instance, dropped, "[resource-drop]counter"));
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void Two_instances_have_separate_tables()
    {
        using var first = SampleHost.Instantiate(_guest.Module, _host.Imports);
        using var second = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var one = new RepTable("counter");
        var two = new RepTable("counter");
        var handle = one.New(42);
        Assert.Throws<WasmTrapException>(() => two.Rep(second.Instance, handle, "[resource-rep]counter"));
        Assert.False(first.Instance.IsFaulted);
        Assert.True(second.Instance.IsFaulted);
        Assert.Equal(42u, one.Rep(first.Instance, handle, "[resource-rep]counter"));
    }
}
