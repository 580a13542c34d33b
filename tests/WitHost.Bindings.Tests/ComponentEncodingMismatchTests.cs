using WitHost.Wamr;
using WitHost.Wamr.Validation;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A component says in its canon options how each function passes strings: a generated host
/// whose <c>Encoding</c> differs is refused at instantiation, with every function that passes
/// strings named, and a function that passes none (<c>call-host-badly</c>) not named.
/// </summary>
public sealed class ComponentEncodingMismatchTests(Latin1EncodingsComponentGuest latin1) : IClassFixture<Latin1EncodingsComponentGuest>
{
    [Fact]
    public void A_utf16_host_refuses_a_latin1_component_naming_each_function()
    {
        var e = Assert.Throws<WasmInstantiationException>(() => EncodingsGuestCalls.Utf16(latin1.Module, new EncodingsEcho()));

        var encodings = e.Mismatches.Where(m => m.Kind == GuestMismatchKind.StringEncoding).ToList();
        Assert.Contains(encodings, m => m.Module is null && m.Name == "reverse");
        Assert.Contains(encodings, m => m.Module == "$root" && m.Name == "host-echo");
        Assert.DoesNotContain(encodings, m => m.Name == "call-host-badly");
        Assert.Contains("The guest's export 'reverse' passes strings as Latin1Utf16, but the host uses Utf16.", e.Message);
    }

    [Fact]
    public void The_host_of_the_components_own_encoding_accepts_it()
    {
        using var calls = EncodingsGuestCalls.Latin1(latin1.Module, new EncodingsEcho());
        Assert.Equal("olleH", calls.Reverse("Hello"));
    }
}
