namespace WitHost.Bindings.Tests;

/// <summary>tests/guests/encodings-utf16.wasm through <see cref="Utf16EncodingsHost"/>: every string is UTF-16.</summary>
public sealed class Utf16EncodingsBindingsTests(Utf16EncodingsGuest module) : EncodingsBindingsTests, IClassFixture<Utf16EncodingsGuest>
{
    protected override EncodingsGuestCalls Open()
        => EncodingsGuestCalls.Utf16(module.Module, Echo);

    protected override string ExpectedForm(string value) => "utf16";
}
