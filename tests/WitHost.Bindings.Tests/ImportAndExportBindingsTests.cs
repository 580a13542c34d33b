using Test.Both;
using Test.Both.Tally;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A world that imports and exports the same interface (tests/guests/both.c) runs both sides in
/// one instance: the host's counters behind <c>ICounter</c>, the guest's behind the handle class
/// of the export side (<c>Test.Both.Tally.Exports.Counter</c>), each reaching its own implementation.
/// </summary>
public class ImportAndExportBindingsTests : IDisposable
{
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;
    private readonly HostTally _host = new();

    public ImportAndExportBindingsTests()
        : this(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "both.wasm")))
    {
    }

    /// <summary>The same tests on another form of the guest (its component file): <c>LoadModule</c> takes both.</summary>
    protected ImportAndExportBindingsTests(byte[] guest) => _module = _engine.LoadModule(GuestMode.Prepare(guest));

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void The_guest_reaches_the_hosts_counters_through_the_import()
    {
        using var guest = BothHost.Instantiate(_module, new BothHost.Imports { Tally = _host });

        // The host's counter answers start + 1, and scales by 100: 6 + 600.
        Assert.Equal(606u, guest.ViaHost(5));
        Assert.Equal(1, _host.Dropped);
    }

    [Fact]
    public void The_host_reaches_the_guests_counters_through_the_export()
    {
        using var guest = BothHost.Instantiate(_module, new BothHost.Imports { Tally = _host });

        using Test.Both.Tally.Exports.Counter counter = guest.Tally.CreateCounter(7);
        Assert.Equal(7u, counter.Value());

        // The guest scales by 10: its own rep arrived, not a host handle index.
        Assert.Equal(70u, guest.Tally.Scaled(counter));
        Assert.Equal(0, _host.Created);
    }

    private sealed class HostTally : ITally
    {
        public int Created { get; private set; }

        public int Dropped { get; private set; }

        public ICounter CreateCounter(uint start)
        {
            Created++;
            return new HostCounter(this, start + 1);
        }

        public uint Scaled(ICounter c) => c.Value() * 100;

        private sealed class HostCounter(HostTally owner, uint value) : ICounter, IDisposable
        {
            public uint Value() => value;

            public void Dispose() => owner.Dropped++;
        }
    }
}
