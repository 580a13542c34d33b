namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="Utf16EncodingsBindingsTests"/>, on the guest's component file (<c>string-encoding=utf16</c>).</summary>
public sealed class Utf16EncodingsComponentBindingsTests(Utf16EncodingsComponentGuest module) : EncodingsBindingsTests, IClassFixture<Utf16EncodingsComponentGuest>
{
    protected override EncodingsGuestCalls Open()
        => EncodingsGuestCalls.Utf16(module.Module, Echo);

    protected override string ExpectedForm(string value) => "utf16";
}
