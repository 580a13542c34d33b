using WitHost.Wamr.Bindings;

namespace WitHost.Bindings.Tests;

/// <summary>The bound on live handles per table (<see cref="HandleLimits"/>), for both kinds of table.</summary>
public sealed class HandleLimitTests : IClassFixture<SampleGuest>
{
    private readonly SampleGuest _guest;
    private readonly RecordingHost _host = new();

    public HandleLimitTests(SampleGuest guest) => _guest = guest;

    [Fact]
    public void A_handle_table_refuses_one_more_than_its_limit_and_takes_it_after_a_drop()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new HandleTable<object>("thing", maxHandles: 2);
        var first = table.AddOwn(new object());
        table.AddBorrow(new object());
        var e = Assert.Throws<InvalidOperationException>(() => table.AddOwn(new object()));
        Assert.Contains("2 thing handles", e.Message, StringComparison.Ordinal);

        table.Drop(guest.Instance, first, "f");
        table.AddOwn(new object());
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void A_rep_table_refuses_one_more_than_its_limit_and_takes_it_after_a_drop()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var table = new RepTable("counter", null, maxHandles: 2);
        var first = table.New(0x10);
        table.New(0x20);
        Assert.Throws<InvalidOperationException>(() => table.New(0x30));

        table.Drop(guest.Instance, first, "f");
        table.New(0x30);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void The_default_limit_is_documented_and_a_limit_must_hold_a_handle()
    {
        Assert.Equal(1 << 20, HandleLimits.DefaultMaxHandles);
        Assert.Equal(HandleLimits.DefaultMaxHandles, new HandleTable<object>("thing").MaxHandles);
        Assert.Equal(HandleLimits.DefaultMaxHandles, new RepTable("counter").MaxHandles);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandleTable<object>("thing", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RepTable("counter", null, -1));
    }

    [Fact]
    public void A_limit_past_the_canonical_abis_table_size_is_refused()
    {
        Assert.Equal((1 << 28) - 1, HandleLimits.MaxHandlesPerTable);
        Assert.Equal(HandleLimits.MaxHandlesPerTable, new HandleTable<object>("thing", HandleLimits.MaxHandlesPerTable).MaxHandles);
        Assert.Equal(HandleLimits.MaxHandlesPerTable, new RepTable("counter", null, HandleLimits.MaxHandlesPerTable).MaxHandles);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new HandleTable<object>("thing", 1 << 28));
        Assert.Contains("268435455", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RepTable("counter", null, int.MaxValue));
    }
}
