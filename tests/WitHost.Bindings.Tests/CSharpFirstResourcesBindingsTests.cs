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
    public void The_derived_wit_declares_the_resource()
    {
        Assert.Contains("resource counter {", ICounters.WitText, StringComparison.Ordinal);
        Assert.Contains("name-of: func(counter: borrow<counter>) -> string;", ICounters.WitText, StringComparison.Ordinal);
        Assert.Contains("open: func(name: string) -> counter;", ICounters.WitText, StringComparison.Ordinal);
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
