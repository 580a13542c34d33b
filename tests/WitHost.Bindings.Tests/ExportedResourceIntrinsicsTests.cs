using Example.Resources;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The host's <c>[export]example:resources/counters</c> imports that tests/guests/resources.wasm
/// uses for its own resource <c>counter</c>: <c>[resource-new]</c> numbers handles per instance,
/// <c>[resource-rep]</c> traps on a handle that was never made. The guest's exports are called
/// directly, since they take and return handles and representations.
/// </summary>
public sealed class ExportedResourceIntrinsicsTests : IClassFixture<ResourcesGuest>
{
    private const string Constructor = "example:resources/counters#[constructor]counter";
    private const string LiveCounters = "example:resources/counters#live-counters";
    private const string Absorb = "example:resources/counters#[method]counter.absorb";

    private readonly ResourcesGuest _guest;

    public ExportedResourceIntrinsicsTests(ResourcesGuest guest) => _guest = guest;

    private ResourcesHost.Guest Instantiate() => ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = new ResourcesBindingsTests.BlobStore() });

    // An empty name (pointer 0, length 0) needs no guest memory.
    private static int Construct(ResourcesHost.Guest guest, long start)
        => guest.Instance.Invoke(Constructor, WasmValue.FromInt32(0), WasmValue.FromInt32(0), WasmValue.FromInt64(start))[0].AsInt32();

    [Fact]
    public void The_guest_makes_handles_for_its_counters_numbered_per_instance()
    {
        using var first = Instantiate();
        using var second = Instantiate();
        Assert.Equal(1, Construct(first, 5));
        Assert.Equal(2, Construct(first, -7));
        Assert.Equal(1, Construct(second, 0));
        Assert.Equal(2u, first.Counters.LiveCounters());
        Assert.Equal(1u, second.Counters.LiveCounters());
    }

    [Fact]
    public void A_handle_the_guest_never_made_traps_in_resource_rep()
    {
        using var guest = Instantiate();
        Construct(guest, 1);
        var trap = Assert.Throws<WasmTrapException>(() => guest.Instance.Invoke(Absorb, WasmValue.FromInt32(0), WasmValue.FromInt32(99)));
        Assert.Contains("99 is not a live counter handle", trap.ToString(), StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }
}
