using Test.ExitBorrow.Store;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A guest that exits while it holds a borrow the host lent for the call
/// (tests/guests/exit-borrow.c): the exit ends the call and its borrows with it, so the instance's
/// next call with a borrow runs as if the exit's call had dropped its own.
/// </summary>
public sealed class ExitBorrowBindingsTests(ExitBorrowGuest guest) : IClassFixture<ExitBorrowGuest>
{
    private ExitBorrowHost.Guest Instantiate() => ExitBorrowHost.Instantiate(guest.Module, new ExitBorrowHost.Imports());

    [Fact]
    public void An_exit_holding_a_borrow_ends_it_and_the_next_call_with_a_borrow_runs()
    {
        using var guest = Instantiate();
        var blob = new Blob(6);

        var exited = Assert.Throws<WasmExitException>(() => guest.ExitHoldingBorrow(blob, 5));

        Assert.Equal(5, exited.Status);
        Assert.Equal(6u, guest.DropBorrow(blob));
        Assert.False(guest.Instance.IsFaulted);
        Assert.False(blob.Disposed);
    }

    [Fact]
    public void Exits_holding_borrows_do_not_add_up()
    {
        using var guest = Instantiate();
        var blob = new Blob(2);

        for (var i = 0; i < 3; i++)
        {
            Assert.Throws<WasmExitException>(() => guest.ExitHoldingBorrow(blob, 0));
        }

        Assert.Equal(2u, guest.DropBorrow(blob));
        Assert.False(blob.Disposed);
    }

    private sealed class Blob(uint size) : IBlob, IDisposable
    {
        public bool Disposed { get; private set; }

        public uint Size() => size;

        public void Dispose() => Disposed = true;
    }
}
