using System.Text;
using Example.Resources;
using Example.Resources.Store;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The host's resource <c>blob</c> (wit/resources.wit) used by the exports of
/// tests/guests/resources.wasm through the generated bindings on WAMR: own and borrow handles both
/// ways, the host's constructor, methods and static function called by the guest, and the guest's
/// <c>[resource-drop]</c>. The values are those of the blob cases in
/// tests/WitHost.CrossCheck.Tests/ResourcesCrossCheckTests.cs, which jco gives for the same guest.
/// </summary>
public class ResourcesBindingsTests : IClassFixture<ResourcesGuest>
{
    private readonly TestGuest _guest;
    private readonly BlobStore _store = new();

    public ResourcesBindingsTests(ResourcesGuest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected ResourcesBindingsTests(TestGuest guest) => _guest = guest;

    private ResourcesHost.Guest Instantiate() => ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = _store });

    [Fact]
    public void The_guest_makes_a_blob_through_the_host_constructor_and_returns_it()
    {
        using var guest = Instantiate();
        var blob = Assert.IsType<Blob>(guest.Counters.MakeBlob("héllo"));
        Assert.Equal(Encoding.UTF8.GetBytes("héllo"), blob.Bytes);
        Assert.Equal([Encoding.UTF8.GetBytes("héllo")], _store.Created.Select(created => created.Bytes));
        Assert.False(blob.Disposed);
    }

    [Fact]
    public void Host_methods_through_a_borrowed_handle()
    {
        using var guest = Instantiate();
        var blob = new Blob(Encoding.UTF8.GetBytes("héllo"));
        Assert.Equal(6u, guest.Counters.BlobSize(blob));
        Assert.Equal(Encoding.UTF8.GetBytes("hé"), guest.Counters.AppendAndRead(blob, " world", 3));
        Assert.Equal(Encoding.UTF8.GetBytes("héllo world"), blob.Bytes);
        Assert.Equal(3u, guest.Counters.BlobSize(new Blob([1, 2, 3])));
        Assert.False(blob.Disposed);
    }

    [Fact]
    public void The_host_static_function_over_two_borrows()
    {
        using var guest = Instantiate();
        var four = guest.Counters.MakeBlob("4");
        var hello = new Blob(Encoding.UTF8.GetBytes("héllo world"));
        var joined = Assert.IsType<Blob>(guest.Counters.Join(four, hello));
        Assert.Equal(Encoding.UTF8.GetBytes("4héllo world"), guest.Counters.AppendAndRead(joined, "", 100));
        Assert.NotSame(four, joined);
    }

    [Fact]
    public void An_own_blob_given_to_the_guest_is_dropped_there_and_disposed()
    {
        using var guest = Instantiate();
        var blob = new Blob(Encoding.UTF8.GetBytes("4héllo world"));
        Assert.Equal(13u, guest.Counters.Consume(blob));
        Assert.True(blob.Disposed);
    }

    [Fact]
    public void Handles_are_per_instance_and_freed_when_the_guest_gives_them_back()
    {
        // Each instance numbers its handles from 1 and gets its blobs back through the same
        // indexes; a shared or leaking table would hand the guest a wrong or stale object.
        using var first = Instantiate();
        using var second = Instantiate();
        for (var i = 0; i < 3; i++)
        {
            var a = new Blob([1]);
            var b = new Blob([1, 2]);
            Assert.Equal(1u, first.Counters.BlobSize(a));
            Assert.Equal(2u, second.Counters.BlobSize(b));
            Assert.Equal(3u, first.Counters.Consume(new Blob([1, 2, 3])));
            var joined = Assert.IsType<Blob>(first.Counters.Join(a, new Blob([])));
            Assert.Equal([1], joined.Bytes);
        }

        Assert.False(first.Instance.IsFaulted);
        Assert.False(second.Instance.IsFaulted);
    }

    [Fact]
    public void A_null_blob_is_refused_before_the_guest_runs()
    {
        using var guest = Instantiate();
        Assert.Throws<ArgumentNullException>(() => guest.Counters.BlobSize(null!));
        Assert.Equal(3u, guest.Counters.BlobSize(new Blob([1, 2, 3])));
    }

    internal sealed class Blob(byte[] init) : IBlob, IDisposable
    {
        private readonly List<byte> _bytes = [.. init];

        public byte[] Bytes => [.. _bytes];

        public bool Disposed { get; private set; }

        public void Write(byte[] bytes) => _bytes.AddRange(bytes);

        public byte[] Read(uint n) => [.. _bytes.Take((int)Math.Min(n, (uint)_bytes.Count))];

        public uint Size() => (uint)_bytes.Count;

        public void Dispose() => Disposed = true;
    }

    internal sealed class BlobStore : IStore
    {
        public List<Blob> Created { get; } = [];

        public IBlob CreateBlob(byte[] init)
        {
            var blob = new Blob(init);
            Created.Add(blob);
            return blob;
        }

        public IBlob BlobConcat(IBlob a, IBlob b) => new Blob([.. ((Blob)a).Bytes, .. ((Blob)b).Bytes]);
    }
}
