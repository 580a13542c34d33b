using Example.Resources.Counters;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The guest's own resource <c>counter</c> (wit/resources.wit, tests/guests/resources.wasm) through
/// the generated handle class on WAMR: made by the constructor wrapper and the static function,
/// called through methods, passed as borrow and own (also inside lists and options), and dropped
/// by the host (<see cref="IDisposable.Dispose"/>) or the guest, both of which run the guest's
/// destructor, which <c>live-counters</c> shows.
/// </summary>
public sealed class GuestResourceBindingsTests : IClassFixture<ResourcesGuest>
{
    private readonly ResourcesGuest _guest;

    public GuestResourceBindingsTests(ResourcesGuest guest) => _guest = guest;

    private ResourcesHost.Guest Instantiate() => ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = new ResourcesBindingsTests.BlobStore() });

    [Fact]
    public void A_counter_is_made_called_and_dropped_with_the_values_jco_gives()
    {
        // The counter cases of ResourcesCrossCheckTests, in the same order.
        using var guest = Instantiate();
        var counters = guest.Counters;
        using var a = counters.CreateCounter("a", 5);
        Assert.Equal(8, a.Increment(3));
        Assert.Equal("a", a.Name());
        Assert.Equal(1u, counters.LiveCounters());

        using var b = counters.CreateCounter("b", -2);
        var merged = counters.CounterMerge(a, b);
        Assert.Equal("a+b", merged.Name());
        Assert.Equal(6, merged.Get());

        a.AddFrom(b);
        Assert.Equal(6, a.Get());
        Assert.Equal(-2, b.Get());

        a.Absorb(b);
        Assert.Equal(4, a.Get());
        Assert.Equal(2u, counters.LiveCounters());

        merged.Dispose();
        Assert.Equal(1u, counters.LiveCounters());

        var snapshot = Assert.IsType<ResourcesBindingsTests.Blob>(a.Snapshot());
        Assert.Equal("4"u8.ToArray(), snapshot.Bytes);
        Assert.Equal(unchecked(4 + long.MaxValue), a.Increment(long.MaxValue));
    }

    [Fact]
    public void Methods_with_scalar_arguments_and_results_allocate_nothing()
    {
        // self is a borrow of the guest's own resource: its representation, no handle is made.
        using var guest = Instantiate();
        using var counter = guest.Counters.CreateCounter("hot", 0);
        using var other = guest.Counters.CreateCounter("other", 1);
        Run(100);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1100 + 1100, counter.Get());

        void Run(int rounds)
        {
            for (var i = 0; i < rounds; i++)
            {
                counter.Increment(1);
                counter.AddFrom(other);
            }
        }
    }

    [Fact]
    public void Disposing_a_handle_runs_the_guest_destructor_once()
    {
        using var guest = Instantiate();
        var counter = guest.Counters.CreateCounter("once", 1);
        using var other = guest.Counters.CreateCounter("other", 2);
        Assert.Equal(2u, guest.Counters.LiveCounters());

        counter.Dispose();
        Assert.True(counter.IsDisposed);
        Assert.Equal(1u, guest.Counters.LiveCounters());
        counter.Dispose();
        Assert.Equal(1u, guest.Counters.LiveCounters());
        Assert.Equal(2, other.Get());
    }

    [Fact]
    public void A_counter_used_after_Dispose_throws_ObjectDisposedException_before_the_guest_runs()
    {
        using var guest = Instantiate();
        var counter = guest.Counters.CreateCounter("gone", 1);
        using var live = guest.Counters.CreateCounter("live", 2);
        counter.Dispose();

        Assert.Throws<ObjectDisposedException>(() => counter.Get());
        Assert.Throws<ObjectDisposedException>(() => counter.Increment(1));
        Assert.Throws<ObjectDisposedException>(() => live.AddFrom(counter));
        Assert.Throws<ObjectDisposedException>(() => live.Absorb(counter));
        Assert.Throws<ObjectDisposedException>(() => guest.Counters.CounterMerge(live, counter));
        Assert.Throws<ObjectDisposedException>(() => guest.Counters.Total([live, counter]));

        // Nothing reached the guest: the instance is fine and the live counter untouched.
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(2, live.Get());
        Assert.Equal(1u, guest.Counters.LiveCounters());
    }

    [Fact]
    public void An_own_argument_moves_the_counter_to_the_guest()
    {
        using var guest = Instantiate();
        using var keeper = guest.Counters.CreateCounter("keeper", 10);
        var given = guest.Counters.CreateCounter("given", 5);

        keeper.Absorb(given);

        // The guest dropped its handle inside absorb, so the destructor ran there; the host's
        // object is spent, and disposing it runs nothing a second time.
        Assert.True(given.IsDisposed);
        Assert.Equal(15, keeper.Get());
        Assert.Equal(1u, guest.Counters.LiveCounters());
        var thrown = Assert.Throws<ObjectDisposedException>(() => given.Get());
        Assert.Contains("own argument", thrown.Message, StringComparison.Ordinal);
        given.Dispose();
        Assert.Equal(1u, guest.Counters.LiveCounters());
    }

    [Fact]
    public void A_counter_cannot_be_both_borrowed_and_given_in_one_call()
    {
        // absorb's self is a borrow and its other an own: passing one counter as both would
        // destroy what the borrow lends, which the spec's lift_own refuses.
        using var guest = ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = new ResourcesBindingsTests.BlobStore() });
        var counter = guest.Counters.CreateCounter("self", 3);
        Assert.Throws<InvalidOperationException>(() => counter.Absorb(counter));
        Assert.False(counter.IsDisposed);
        Assert.Equal(3, counter.Get());

        // The failed call left no loan behind: the counter can still be given away.
        using var keeper = guest.Counters.CreateCounter("keeper", 1);
        keeper.Absorb(counter);
        Assert.Equal(4, keeper.Get());
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public void Counters_inside_lists_and_options_cross_both_ways()
    {
        using var guest = Instantiate();
        var counters = guest.Counters;
        var made = counters.MakeMany(["x", "yé", "z"], 7);
        Assert.Equal(["x", "yé", "z"], made.Select(counter => counter.Name()));
        Assert.Equal(3u, counters.LiveCounters());
        made[1].Increment(-10);
        Assert.Equal(7 - 3 + 7, counters.Total(made));
        Assert.Equal(0, counters.Total([]));

        // own<counter> inside an option: the guest destroys it and returns the value.
        Assert.Equal(-3L, counters.TakeValue(made[1]));
        Assert.True(made[1].IsDisposed);
        Assert.Equal(2u, counters.LiveCounters());
        Assert.Null(counters.TakeValue(null));

        foreach (var counter in made)
        {
            counter.Dispose();
        }

        Assert.Equal(0u, counters.LiveCounters());
    }

    [Fact]
    public void Disposing_the_instance_first_leaves_handles_that_dispose_quietly()
    {
        var guest = Instantiate();
        var counter = guest.Counters.CreateCounter("orphan", 1);
        guest.Dispose();

        counter.Dispose();
        counter.Dispose();
        Assert.True(counter.IsDisposed);
    }

    [Fact]
    public void A_handle_of_one_instance_is_refused_by_another()
    {
        using var first = Instantiate();
        using var second = Instantiate();
        using var mine = first.Counters.CreateCounter("mine", 1);
        using var theirs = second.Counters.CreateCounter("theirs", 2);

        Assert.Throws<ArgumentException>(() => second.Counters.CounterMerge(theirs, mine));
        Assert.Throws<ArgumentException>(() => theirs.AddFrom(mine));
        Assert.Throws<ArgumentException>(() => theirs.Absorb(mine));
        Assert.False(mine.IsDisposed);
        Assert.Equal(1, mine.Get());
        Assert.Equal(2, theirs.Get());
        Assert.False(second.Instance.IsFaulted);
    }

    [Fact]
    public void A_null_counter_is_refused_before_the_guest_runs()
    {
        using var guest = Instantiate();
        using var counter = guest.Counters.CreateCounter("c", 1);
        Assert.Throws<ArgumentNullException>(() => counter.AddFrom(null!));
        Assert.Throws<ArgumentNullException>(() => guest.Counters.Total([counter, null!]));
        Assert.Equal(1u, guest.Counters.LiveCounters());
    }

    [Fact]
    public void A_handle_the_guest_never_made_traps_when_lifted()
    {
        using var guest = Instantiate();
        var earlier = guest.Counters.CreateCounter("earlier", 1);
        var trap = Assert.Throws<WasmTrapException>(() => guest.Counters.Forged());
        Assert.Contains("is not a live counter handle", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);

        // The faulted instance runs nothing more: disposing a handle does not call the destructor.
        earlier.Dispose();
        Assert.True(earlier.IsDisposed);
    }

    [Fact]
    public void Handles_the_guest_drops_in_its_own_exports_run_the_destructor()
    {
        // The guest-drop path: [resource-drop]counter from inside take-value ends the counter.
        using var guest = Instantiate();
        var counter = guest.Counters.CreateCounter("dropped", 42);
        Assert.Equal(42L, guest.Counters.TakeValue(counter));
        Assert.Equal(0u, guest.Counters.LiveCounters());
        Assert.False(guest.Instance.IsFaulted);
    }
}
