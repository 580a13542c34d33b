using WitHost.Wamr.Bindings;

namespace WitHost.Bindings.Tests;

/// <summary>
/// An export call whose argument lowering fails half-way takes back the handles it had given the
/// guest: borrows and owns of host objects leave the table (undisposed), and a guest resource
/// moved to the guest is the host's again.
/// </summary>
public sealed class LoweringJournalTests : IClassFixture<ResourcesGuest>
{
    private readonly ResourcesGuest _guest;

    public LoweringJournalTests(ResourcesGuest guest) => _guest = guest;

    [Fact]
    public void Undo_removes_the_handles_added_since_the_mark_and_keeps_older_ones()
    {
        var table = new HandleTable<HandleTableTests.Thing>("thing");
        var journal = new LoweringJournal();
        HandleTableTests.Thing kept = new(), own = new(), lent = new();
        table.AddOwn(kept, journal);
        journal.Commit(0);

        var mark = journal.Mark;
        table.AddOwn(own, journal);
        table.AddBorrow(lent, journal);
        Assert.Equal(3, table.Count);
        Assert.Equal(1, table.BorrowCount);

        journal.Undo(mark);
        Assert.Equal(1, table.Count);
        Assert.Equal(0, table.BorrowCount);
        Assert.False(own.Disposed);
        Assert.Equal(0, journal.Mark);
    }

    [Fact]
    public void Undo_gives_a_moved_guest_resource_back_to_the_host()
    {
        using var guest = ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = new ResourcesBindingsTests.BlobStore() });
        var table = new RepTable("counter");
        var handle = new GuestResourceHandle(table, guest.Instance, 0x100);
        var journal = new LoweringJournal();

        handle.Move(guest.Instance, "f", journal);
        Assert.True(handle.IsDisposed);
        Assert.Equal(1, table.Count);

        journal.Undo(0);
        Assert.False(handle.IsDisposed);
        Assert.Equal(0, table.Count);
        Assert.Equal(0x100u, handle.Borrow(guest.Instance, "f"));
    }

    [Fact]
    public void A_string_that_fails_to_lower_after_a_borrowed_blob_leaves_no_borrow_behind()
    {
        // The blob is lent (a handle in the table) before the text fails to lower: a lone
        // surrogate is not UTF-8. A borrow left behind would make the next call trap.
        using var guest = ResourcesHost.Instantiate(_guest.Module, new ResourcesHost.Imports { Store = new ResourcesBindingsTests.BlobStore() });
        var blob = new ResourcesBindingsTests.Blob([1, 2, 3]);
        Assert.Throws<ArgumentException>(() => guest.Counters.AppendAndRead(blob, "\ud800", 1));

        Assert.Equal(3u, guest.Counters.BlobSize(blob));
        Assert.Equal([1, 2, 3], blob.Bytes);
        Assert.False(guest.Instance.IsFaulted);
    }
}
