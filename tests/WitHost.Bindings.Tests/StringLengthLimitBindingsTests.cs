using System.Buffers;
using System.Text;
using Test.AbiCall;
using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A string argument longer in UTF-8 than the Canonical ABI's limit (2^28 - 1 bytes, which a
/// guest's lift of the string would trap on) is refused as the host's argument, before the guest
/// allocates anything for it, through both forms of a generated call (tests/guests/abi-call.wasm).
/// </summary>
public sealed class StringLengthLimitBindingsTests(AbiCallGuest module) : IClassFixture<AbiCallGuest>
{
    private const int Limit = (int)CanonicalRules.MaxByteLength;

    private AbiCallHost.Guest Instantiate() => AbiCallHost.Instantiate(module.Module, new AbiCallHost.Imports { AbiCall = new QuietAbiCallHost() });

    public static TheoryData<string> TooLong => new()
    {
        // One byte a char, one char past the limit: too long before anything is counted.
        "ascii",
        // Three bytes a char: fewer chars than the limit, more bytes once counted.
        "three-byte",
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public void A_string_longer_than_the_limit_in_utf8_is_refused_before_the_guest_allocates_it(string kind)
    {
        var text = kind == "ascii" ? new string('a', Limit + 1) : new string('世', (Limit / 3) + 1);
        using var guest = Instantiate();
        var reallocs = 0;
        guest.Instance.ReallocObserver = (_, _, _, _, _) => reallocs++;

        var refused = Assert.Throws<ArgumentException>(() => guest.Reverse(text));

        Assert.Contains("longer than the Canonical ABI allows (268435455)", refused.Message);
        Assert.Equal(0, reallocs);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal("ba", guest.Reverse("ab"));
    }

    [Fact]
    public void Utf8_bytes_longer_than_the_limit_are_refused_before_the_guest_allocates_them()
    {
        var bytes = new byte[Limit + 1];
        bytes.AsSpan().Fill((byte)'a');
        using var guest = Instantiate();
        var reallocs = 0;
        guest.Instance.ReallocObserver = (_, _, _, _, _) => reallocs++;
        var writer = new ArrayBufferWriter<byte>();

        var refused = Assert.Throws<ArgumentException>(() => guest.Reverse(bytes, writer));

        Assert.Contains("longer than the Canonical ABI allows (268435455)", refused.Message);
        Assert.Equal(0, reallocs);
        Assert.Equal(0, writer.WrittenCount);
        Assert.Equal(2, guest.Reverse("ab"u8, writer));
        Assert.Equal("ba", Encoding.UTF8.GetString(writer.WrittenSpan));
    }
}
