using WitHost.Bindings.Tests.CSharpFirstResources;

namespace WitHost.Bindings.Tests;

/// <summary>tests/guests/csharp-first-resources.wasm, built against the WIT derived from the C#-first resource contracts.</summary>
public sealed class CSharpFirstResourcesGuest() : TestGuest("csharp-first-resources");

/// <summary>
/// A C#-first resource (CSharpFirstResourcesContracts.cs) through a C guest: the host's objects go
/// out as handles, come back as <c>self</c> and as a borrow, and are disposed when the guest drops them.
/// </summary>
public sealed class CSharpFirstResourcesBindingsTests(CSharpFirstResourcesGuest guest) : IClassFixture<CSharpFirstResourcesGuest>
{
    [Fact]
    public void The_guest_uses_the_hosts_objects_through_handles_and_its_drops_dispose_them()
    {
        var counters = new Counters();
        using var instance = CSharpFirstResourcesHost.Instantiate(guest.Module, new CSharpFirstResourcesHost.Imports { Counters = counters });

        // first = 2, fork = 2 + 5, and the fork's name (read through the borrow) is longer.
        Assert.Equal(2u + 100 * 7 + 10000, instance.Driver.Run("tally"));

        Assert.Equal(["tally", "tally-fork"], counters.Opened.Select(counter => counter.Name));
        Assert.All(counters.Opened, counter => Assert.True(counter.Disposed, counter.Name + " was not disposed"));
        Assert.Equal(["tally-fork"], counters.Named);
    }

    [Fact]
    public void The_guests_resource_is_used_through_the_users_interface_and_dropped_on_Dispose()
    {
        using var instance = Instantiate();
        ITallies tallies = instance.Tallies;

        using var first = tallies.Start(5);
        Assert.Equal(8u, first.Add(3));
        using var second = tallies.Start(10);
        var merged = first.Merge(second);
        Assert.IsAssignableFrom<IGuestResource>(merged);
        Assert.Equal(18u, tallies.Total(merged));
        Assert.Equal(8u, tallies.Total(first));
        Assert.Equal(3u, tallies.Live());

        // Dispose drops the host's handle, which was the last: the guest's destructor runs.
        merged.Dispose();
        Assert.Equal(2u, tallies.Live());
        Assert.Throws<ObjectDisposedException>(() => merged.Add(1));
    }

    [Fact]
    public void Tallies_given_away_in_a_list_are_the_guests_to_drop()
    {
        using var instance = Instantiate();
        var tallies = instance.Tallies;
        var given = new[] { tallies.Start(1), tallies.Start(2), tallies.Start(40) };

        Assert.Equal(43u, tallies.Sum(given));

        Assert.Equal(0u, tallies.Live());
        Assert.All(given, tally => Assert.True(((IGuestResource)tally).IsDisposed));
        Assert.Throws<ObjectDisposedException>(() => given[0].Add(1));
    }

    [Fact]
    public void An_object_the_host_made_is_refused_where_the_guests_resource_goes()
    {
        using var instance = Instantiate();
        var tallies = instance.Tallies;
        using var made = tallies.Start(1);

        var exception = Assert.Throws<ArgumentException>(() => tallies.Total(new HostTally()));
        Assert.Equal("tally", exception.ParamName);
        Assert.Contains("ITally", exception.Message, StringComparison.Ordinal);
        exception = Assert.Throws<ArgumentException>(() => made.Merge(new HostTally()));
        Assert.Equal("other", exception.ParamName);

        // Refused before the guest ran: the instance goes on.
        Assert.Equal(1u, tallies.Live());
    }

    [Fact]
    public void The_committed_contract_is_the_derived_wit()
    {
        // The guest was built, and jco checks it, against wit/csharp-first-resources.wit: it must
        // not drift from the C# it stands for.
        var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "derived", "csharp-first-resources.wit"));
        Assert.Equal(CSharpFirstResourcesHost.WitText, committed);
    }

    [Fact]
    public void The_derived_wit_declares_the_resource()
    {
        Assert.Contains("resource counter {", ICounters.WitText, StringComparison.Ordinal);
        Assert.Contains("name-of: func(counter: borrow<counter>) -> string;", ICounters.WitText, StringComparison.Ordinal);
        Assert.Contains("open: func(name: string) -> counter;", ICounters.WitText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_derived_wit_declares_the_guests_resource_with_its_own_and_borrowed_uses()
    {
        Assert.Contains("resource tally {", ITallies.WitText, StringComparison.Ordinal);
        Assert.Contains("merge: func(other: borrow<tally>) -> tally;", ITallies.WitText, StringComparison.Ordinal);
        Assert.Contains("total: func(tally: borrow<tally>) -> u32;", ITallies.WitText, StringComparison.Ordinal);
        Assert.Contains("sum: func(tallies: list<tally>) -> u32;", ITallies.WitText, StringComparison.Ordinal);
    }

    private CSharpFirstResourcesHost.Guest Instantiate()
        => CSharpFirstResourcesHost.Instantiate(guest.Module, new CSharpFirstResourcesHost.Imports { Counters = new Counters() });

    private sealed class HostTally : ITally
    {
        public uint Add(uint n) => n;

        public ITally Merge(ITally other) => this;

        public void Dispose()
        {
        }
    }

    private sealed class Counters : ICounters
    {
        public List<Counter> Opened { get; } = [];

        public List<string> Named { get; } = [];

        public ICounter Open(string name) => Track(new Counter(this, name));

        public string NameOf(ICounter counter)
        {
            var name = ((Counter)counter).Name;
            Named.Add(name);
            return name;
        }

        public Counter Track(Counter counter)
        {
            Opened.Add(counter);
            return counter;
        }
    }

    private sealed class Counter(Counters owner, string name) : ICounter
    {
        private uint _value;

        public string Name => name;

        public bool Disposed { get; private set; }

        public uint Add(uint n) => _value += n;

        public ICounter Fork()
        {
            var fork = owner.Track(new Counter(owner, name + "-fork"));
            fork._value = _value;
            return fork;
        }

        public void Dispose() => Disposed = true;
    }
}
