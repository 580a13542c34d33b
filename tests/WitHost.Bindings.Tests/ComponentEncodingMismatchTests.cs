using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Validation;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A component says per function how it encodes strings (its canon options): a generated host
/// made for another encoding refuses it at instantiation, naming each function, before any guest
/// code runs (tests/guests/encodings-utf16.wasm as jco's component with string-encoding utf16).
/// </summary>
public sealed class ComponentEncodingMismatchTests(Utf16EncodingsComponentGuest guest) : IClassFixture<Utf16EncodingsComponentGuest>
{
    [Fact]
    public void The_host_of_the_components_encoding_finds_nothing_to_refuse()
        => Assert.Empty(Utf16EncodingsHost.Validate(guest.Module));

    [Fact]
    public void A_host_of_another_encoding_is_refused_naming_every_function()
    {
        var validated = Latin1EncodingsHost.Validate(guest.Module);
        var error = Assert.Throws<WasmInstantiationException>(() => Latin1EncodingsHost.Instantiate(guest.Module, new Latin1EncodingsHost.Imports { Encodings = new EncodingsEcho() }));

        Assert.Equal(validated, error.Mismatches);
        Assert.All(error.Mismatches, mismatch => Assert.Equal(GuestMismatchKind.StringEncoding, mismatch.Kind));
        var names = error.Mismatches.Select(m => (m.Module, m.Name)).ToList();
        Assert.Contains((null, "reverse"), names);
        Assert.Contains((null, "call-host"), names);
        Assert.Contains(("$root", "host-echo"), names);
        Assert.Contains($"passes strings as {StringEncoding.Utf16}, but the host uses {StringEncoding.Latin1Utf16}", error.Mismatches[0].Message, StringComparison.Ordinal);
    }

}
