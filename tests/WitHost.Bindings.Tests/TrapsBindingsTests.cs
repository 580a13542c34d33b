using Test.Traps;
using Test.Traps.Traps;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Lifting validates what the guest gives (tests/guests/traps.wasm breaks one rule per export):
/// a discriminant out of range, a pointer outside memory or misaligned is a trap that faults the
/// instance, never a wrong value and never a read outside memory.
/// </summary>
public class TrapsBindingsTests : IClassFixture<TrapsGuest>
{
    private readonly TestGuest _guest;
    private readonly ColorTaker _host = new();

    public TrapsBindingsTests(TrapsGuest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected TrapsBindingsTests(TestGuest guest) => _guest = guest;

    public static TheoryData<string> Exports => new() { "bad-enum", "bad-option", "bad-variant", "string-out-of-bounds", "misaligned-list", "bad-return-area" };

    [Theory]
    [MemberData(nameof(Exports))]
    public void A_result_that_breaks_the_rules_is_a_trap(string export)
    {
        using var guest = TrapsHost.Instantiate(_guest.Module, new TrapsHost.Imports { Traps = _host });
        Action call = export switch
        {
            "bad-enum" => () => guest.BadEnum(),
            "bad-option" => () => guest.BadOption(),
            "bad-variant" => () => guest.BadVariant(),
            "string-out-of-bounds" => () => guest.StringOutOfBounds(),
            "misaligned-list" => () => guest.MisalignedList(),
            _ => () => guest.BadReturnArea(),
        };

        var trap = Assert.Throws<WasmTrapException>(call);
        var expected = export switch
        {
            "bad-enum" => "discriminant 3",
            "bad-option" => "discriminant 2",
            "bad-variant" => "discriminant 7",
            "misaligned-list" => "not aligned to 4",
            "string-out-of-bounds" => "outside the memory",
            _ => "the return area of 8 bytes at ",
        };
        Assert.Contains(expected, trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void An_argument_from_the_guest_that_breaks_the_rules_is_a_trap()
    {
        using var guest = TrapsHost.Instantiate(_guest.Module, new TrapsHost.Imports { Traps = _host });
        var trap = Assert.Throws<WasmTrapException>(() => guest.CallTakeColorBadly());
        Assert.Contains("discriminant 9", trap.ToString(), StringComparison.Ordinal);
        Assert.Empty(_host.Taken);
    }

    private sealed class ColorTaker : ITrapsImports
    {
        public List<Color> Taken { get; } = [];

        public void TakeColor(Color c) => Taken.Add(c);
    }
}
