using System.Buffers.Binary;
using WitHost.Wamr;
using WitHost.Wamr.Bindings;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Generated calls of exports whose arguments and result are core values go through
/// <see cref="ScalarExport"/>, one entry into the instance without a whole-call scope: the guest's
/// post-return still runs and leaves the result as the guest returned it, and the entry keeps the
/// refusals of any export call.
/// </summary>
public sealed class ScalarExportTests : IClassFixture<LiftProbeGuest>
{
    // The lift-probe guest's get-s16 returns the word at 1024; its cabi_post_get-s16 stores the
    // result it was given, plus one, back there.
    private const int Probe = 1024;

    private readonly LiftProbeGuest _guest;

    public ScalarExportTests(LiftProbeGuest guest) => _guest = guest;

    [Fact]
    public void The_post_return_runs_with_the_result_and_the_caller_gets_the_result_the_guest_returned()
    {
        using var guest = LiftProbeHost.Instantiate(_guest.Module, new LiftProbeHost.Imports());
        BinaryPrimitives.WriteInt32LittleEndian(guest.Instance.Memory.Span[Probe..], 0x1234);

        Assert.Equal((short)0x1234, guest.GetS16());
        // The post-return ran once, given the flat result: it stored the result plus one.
        Assert.Equal(0x1235, BinaryPrimitives.ReadInt32LittleEndian(guest.Instance.Memory.Span[Probe..]));
        Assert.Equal((short)0x1235, guest.GetS16());
        Assert.Equal(0x1236, BinaryPrimitives.ReadInt32LittleEndian(guest.Instance.Memory.Span[Probe..]));
    }

    [Fact]
    public void A_disposed_instance_is_refused()
    {
        var guest = LiftProbeHost.Instantiate(_guest.Module, new LiftProbeHost.Imports());
        guest.Dispose();

        Assert.Throws<ObjectDisposedException>(() => guest.GetS16());
    }

    [Fact]
    public void Cells_too_short_for_the_export_are_refused_before_the_guest_runs()
    {
        using var instance = _guest.Module.Instantiate(new Wamr.Hosting.HostImports());
        // get-u64 returns an i64: two cells.
        var export = ScalarExport.Bind(instance, "get-u64", null, 2);

        Assert.Throws<ArgumentException>(() => export.Invoke(stackalloc uint[1]));
        Assert.Throws<ArgumentException>(() => ScalarExport.Bind(instance, "get-u64", null, 1));
        Span<uint> cells = stackalloc uint[2];
        export.Invoke(cells);
        Assert.False(instance.IsFaulted);
    }
}
