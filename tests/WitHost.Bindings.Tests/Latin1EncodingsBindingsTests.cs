namespace WitHost.Bindings.Tests;

/// <summary>
/// tests/guests/encodings-latin1.wasm through <see cref="Latin1EncodingsHost"/>: a string whose
/// characters all fit Latin-1 travels as Latin-1 bytes, any other as UTF-16 with the length's tag.
/// </summary>
public sealed class Latin1EncodingsBindingsTests(Latin1EncodingsGuest module) : EncodingsBindingsTests, IClassFixture<Latin1EncodingsGuest>
{
    protected override EncodingsGuestCalls Open()
        => EncodingsGuestCalls.Latin1(module.Module, Echo);

    protected override string ExpectedForm(string value) => value.All(c => c <= '\u00FF') ? "latin1" : "utf16";
}
