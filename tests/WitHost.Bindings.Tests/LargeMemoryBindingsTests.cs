using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Memory;
using WitHost.Wamr.Values;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A guest memory of 2 GiB and more (tests/guests/large-memory.wasm): addresses past 2^31 are
/// guest addresses like any other for <see cref="WamrInstance.Memory"/>, generated calls and the
/// dynamic codec. The guest grows to WAMR's largest memory (4 GiB - 1), so the test holds about
/// 4 GiB while it runs, and frees it when it disposes the instance.
/// </summary>
[Collection(LargeMemoryCollection.Name)]
public sealed class LargeMemoryBindingsTests : IClassFixture<LargeMemoryGuest>
{
    private const uint PageSize = 65536;

    private readonly LargeMemoryGuest _guest;

    public LargeMemoryBindingsTests(LargeMemoryGuest guest) => _guest = guest;

    [Fact]
    public void Strings_and_lists_cross_at_addresses_up_to_the_top_of_a_4_GiB_memory()
    {
        using var guest = LargeMemoryHost.Instantiate(_guest.Module, new LargeMemoryHost.Imports());
        int pages = guest.Grow(0);
        Assert.NotEqual(-1, guest.Grow(65536 - (uint)pages));

        // WAMR 1.1.2 keeps a 4 GiB memory one byte short, as one page of 2^32 - 1 bytes.
        long size = guest.Instance.Memory.Length;
        Assert.Equal((long)uint.MaxValue, size);
        Assert.Throws<InvalidOperationException>(() => guest.Instance.Memory.Span.Length);

        // Lowered and lifted just past 2 GiB, in the middle of the upper half, and at the very top.
        const string text = "near the top: Hello, 世界 🌍";
        int textBytes = System.Text.Encoding.UTF8.GetByteCount(text);
        foreach (uint address in new[] { 0x8000_0000u, 0xC000_0001u, uint.MaxValue - (uint)textBytes })
        {
            guest.AllocateFrom(address);
            Assert.Equal(text, guest.Echo(text));
            Assert.Equal(text, System.Text.Encoding.UTF8.GetString(guest.Instance.Memory.Slice(address, (uint)textBytes)));
        }

        byte[] bytes = [.. Enumerable.Range(0, 4096).Select(i => (byte)i)];
        guest.AllocateFrom(uint.MaxValue - 4096);
        Assert.Equal(bytes, guest.EchoBytes(bytes));

        // A string the guest writes in the last megabyte, lifted; one that runs past the end traps.
        Assert.Equal(new string('z', 1 << 20), guest.ZsAt(uint.MaxValue - (1u << 20), 1u << 20));
        Assert.Throws<GuestMemoryAccessException>(() => guest.Instance.Memory.Slice(uint.MaxValue - 4, 5));
        Assert.Equal(4, guest.Instance.Memory.Slice(uint.MaxValue - 4, 4).Length);
    }

    [Fact]
    public void The_dynamic_codec_lifts_and_lowers_past_2_GiB()
    {
        using var guest = LargeMemoryHost.Instantiate(_guest.Module, new LargeMemoryHost.Imports());
        int pages = guest.Grow(0);
        Assert.NotEqual(-1, guest.Grow((2u << 30) / PageSize + 16 - (uint)pages));
        Assert.True(guest.Instance.Memory.Length > int.MaxValue);

        var owner = new WitOwner(WitOwnerKind.World, new WitPackageName("test", "large-memory", null), "large-memory", null);
        var echo = new WitFunction(
            "echo",
            WitFunctionKind.Freestanding,
            EquatableArray.Create(new WitParameter("s", WitPrimitiveType.String)),
            WitPrimitiveType.String,
            false,
            null,
            owner,
            null,
            WitStability.Unknown);
        guest.AllocateFrom(0x8000_0100u);
        var text = new WitStringValue("past 2 GiB: ünïcödé");
        Assert.Equal(text, DynamicExportCall.Invoke(guest.Instance, "echo", echo, [text]));
    }
}
