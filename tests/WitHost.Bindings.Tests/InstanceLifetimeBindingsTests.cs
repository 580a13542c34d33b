using Example.Resources;
using Example.Resources.Store;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Host objects the guest still holds when its instance is disposed (tests/guests/resources.wasm):
/// the ones it owns are disposed with the instance, the ones it was only lent are not.
/// </summary>
public sealed class InstanceLifetimeBindingsTests : IClassFixture<ResourcesGuest>
{
    private readonly ResourcesGuest _guest;

    public InstanceLifetimeBindingsTests(ResourcesGuest guest) => _guest = guest;

    [Fact]
    public void An_object_the_guest_still_owns_is_disposed_with_the_instance_and_a_lent_one_is_not()
    {
        // consume(own blob) asks the blob's size before dropping it; when size throws, the guest
        // traps still owning the blob. blob-size(borrow blob) traps the same way holding a loan.
        var owned = new RefusingBlob();
        var lent = new RefusingBlob();
        var guest = ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = new NoStore() });
        Assert.Throws<WitHost.Wamr.WasmTrapException>(() => guest.Counters.Consume(owned));
        Assert.False(owned.Disposed);

        var second = ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = new NoStore() });
        Assert.Throws<WitHost.Wamr.WasmTrapException>(() => second.Counters.BlobSize(lent));

        guest.Dispose();
        second.Dispose();

        Assert.Equal(1, owned.DisposeCount);
        Assert.Equal(0, lent.DisposeCount);
        guest.Dispose();
        Assert.Equal(1, owned.DisposeCount);
    }

    private sealed class RefusingBlob : IBlob, IDisposable
    {
        public int DisposeCount { get; private set; }

        public bool Disposed => DisposeCount > 0;

        public void Write(byte[] bytes) => throw new NotSupportedException();

        public byte[] Read(uint n) => throw new NotSupportedException();

        public uint Size() => throw new InvalidOperationException("this blob has no size");

        public void Dispose() => DisposeCount++;
    }

    private sealed class NoStore : IStore
    {
        public IBlob CreateBlob(byte[] init) => throw new NotSupportedException();

        public IBlob BlobConcat(IBlob a, IBlob b) => throw new NotSupportedException();
    }
}
