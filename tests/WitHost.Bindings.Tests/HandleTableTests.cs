using WitHost.Wamr;
using WitHost.Wamr.Bindings;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The per-instance table of host objects the guest holds by index: own and borrow handles, drops
/// that dispose, and the traps the Canonical ABI asks for on a bad index.
/// </summary>
public sealed class HandleTableTests : IClassFixture<SampleGuest>
{
    private readonly SampleGuest _guest;
    private readonly RecordingHost _host = new();

    public HandleTableTests(SampleGuest guest) => _guest = guest;

    [Fact]
    public void Handles_start_at_one_and_give_back_their_objects()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new HandleTable<Thing>("thing");
        Thing a = new(), b = new();
        var ha = table.AddOwn(a);
        var hb = table.AddOwn(b);
        Assert.Equal(1, ha);
        Assert.Equal(2, hb);
        Assert.Same(b, table.Get(guest.Instance, hb, "f"));
        Assert.Same(a, table.Take(guest.Instance, ha, "f"));
        Assert.Equal(1, table.Count);
        Assert.False(a.Disposed);
    }

    [Fact]
    public void Dropping_an_own_handle_disposes_the_object_and_frees_the_index()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new HandleTable<Thing>("thing");
        Thing a = new();
        var handle = table.AddOwn(a);
        table.Drop(guest.Instance, handle, "[resource-drop]thing");
        Assert.True(a.Disposed);
        Assert.Equal(0, table.Count);
        Assert.Equal(handle, table.AddOwn(new Thing()));
    }

    [Fact]
    public void Freed_indexes_are_handed_out_again_the_last_freed_first_before_the_table_grows()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new HandleTable<Thing>("thing");
        for (var i = 0; i < 5; i++)
        {
            table.AddOwn(new Thing());
        }

        table.Drop(guest.Instance, 2, "d");
        table.Drop(guest.Instance, 4, "d");
        table.Drop(guest.Instance, 3, "d");
        Assert.Equal([3, 4, 2, 6], [table.AddOwn(new Thing()), table.AddBorrow(new Thing()), table.AddOwn(new Thing()), table.AddOwn(new Thing())]);
        Assert.Equal(6, table.Count);
    }

    [Fact]
    public void An_emptied_table_starts_again_at_one()
    {
        var table = new HandleTable<Thing>("thing");
        table.AddOwn(new Thing());
        table.AddOwn(new Thing());
        table.Dispose();
        Assert.Equal(0, table.Count);
        Assert.Equal(1, table.AddOwn(new Thing()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(7)]
    public void An_index_that_was_never_handed_out_traps(int handle)
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new HandleTable<Thing>("thing");
        table.AddOwn(new Thing());
        var trap = Assert.Throws<WasmTrapException>(() => table.Get(guest.Instance, handle, "f"));
        Assert.Contains($"{handle} is not a live thing handle", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_dropped_handle_traps()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new HandleTable<Thing>("thing");
        var handle = table.AddOwn(new Thing());
        table.Drop(guest.Instance, handle, "d");
        Assert.Throws<WasmTrapException>(() => table.Drop(guest.Instance, handle, "d"));
    }

    [Fact]
    public void A_borrow_is_not_an_own_and_must_be_dropped_before_the_call_returns()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new HandleTable<Thing>("thing");
        Thing a = new();
        var handle = table.AddBorrow(a);
        Assert.Same(a, table.Get(guest.Instance, handle, "f"));
        Assert.Throws<WasmTrapException>(() => table.CheckBorrowsDropped(guest.Instance, "f"));

        using var second = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var other = new HandleTable<Thing>("thing");
        var borrowed = other.AddBorrow(a);
        Assert.Throws<WasmTrapException>(() => other.Take(second.Instance, borrowed, "f"));

        using var third = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var dropped = new HandleTable<Thing>("thing");
        dropped.Drop(third.Instance, dropped.AddBorrow(a), "[resource-drop]thing");
        dropped.CheckBorrowsDropped(third.Instance, "f");
        Assert.False(a.Disposed);
        Assert.False(third.Instance.IsFaulted);
    }

    internal sealed class Thing : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
