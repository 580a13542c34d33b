using Test.ResourceMisuse.Store;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A guest that misuses the host's resource handles (tests/guests/resource-misuse.c): a borrow
/// kept past the export's return and an index used after its drop are traps that fault the
/// instance; the same calls made by the rules pass, and a drop disposes the host object.
/// </summary>
public class ResourceMisuseBindingsTests : IClassFixture<ResourceMisuseGuest>
{
    private readonly TestGuest _guest;

    public ResourceMisuseBindingsTests(ResourceMisuseGuest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected ResourceMisuseBindingsTests(TestGuest guest) => _guest = guest;

    private ResourceMisuseHost.Guest Instantiate() => ResourceMisuseHost.Instantiate(_guest.Module, new ResourceMisuseHost.Imports());

    [Fact]
    public void A_borrow_dropped_before_the_return_is_fine_and_does_not_dispose()
    {
        using var guest = Instantiate();
        var blob = new Blob(4);
        Assert.Equal(4u, guest.DropBorrow(blob));
        Assert.Equal(4u, guest.DropBorrow(blob));
        Assert.False(blob.Disposed);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_borrow_left_undropped_at_the_return_traps()
    {
        using var guest = Instantiate();
        var blob = new Blob(4);
        var trap = Assert.Throws<WasmTrapException>(() => guest.KeepBorrow(blob));
        Assert.Contains("not dropped before the call returned", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
        Assert.False(blob.Disposed);
    }

    [Fact]
    public void A_handle_used_after_its_drop_traps_and_the_drop_disposed_the_object()
    {
        using var guest = Instantiate();
        var blob = new Blob(4);
        var trap = Assert.Throws<WasmTrapException>(() => guest.UseAfterDrop(blob));
        Assert.Contains("1 is not a live blob handle", trap.ToString(), StringComparison.Ordinal);
        Assert.True(blob.Disposed);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_fault_in_one_instance_leaves_another_and_its_table_alone()
    {
        using var first = Instantiate();
        using var second = Instantiate();
        var blob = new Blob(7);
        Assert.Throws<WasmTrapException>(() => first.KeepBorrow(blob));
        Assert.Equal(7u, second.DropBorrow(blob));
        Assert.False(second.Instance.IsFaulted);
    }

    private sealed class Blob(uint size) : IBlob, IDisposable
    {
        public bool Disposed { get; private set; }

        public uint Size() => size;

        public void Dispose() => Disposed = true;
    }
}
