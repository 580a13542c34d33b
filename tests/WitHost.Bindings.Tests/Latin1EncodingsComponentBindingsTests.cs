namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="Latin1EncodingsBindingsTests"/>, on the guest's component file (<c>string-encoding=latin1+utf16</c>).</summary>
public sealed class Latin1EncodingsComponentBindingsTests(Latin1EncodingsComponentGuest module) : EncodingsBindingsTests, IClassFixture<Latin1EncodingsComponentGuest>
{
    protected override EncodingsGuestCalls Open()
        => EncodingsGuestCalls.Latin1(module.Module, Echo);

    protected override string ExpectedForm(string value) => value.All(c => c <= '\u00FF') ? "latin1" : "utf16";
}
