using Test.AbiCall;
using Test.AbiCall.Shapes;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The abi-call guest (tests/guests/abi-call.wasm) through the generated bindings: lifting
/// validates what the guest returns (a bad value is a trap, never a wrong value), cabi_post_ runs
/// after each call that has one, and a guest that grows its memory during a call is read correctly.
/// </summary>
public class AbiCallBindingsTests : IClassFixture<AbiCallGuest>
{
    private readonly TestGuest _guest;
    private readonly LogHost _log = new();

    public AbiCallBindingsTests(AbiCallGuest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected AbiCallBindingsTests(TestGuest guest) => _guest = guest;

    private AbiCallHost.Guest Instantiate() => AbiCallHost.Instantiate(_guest.Module, new AbiCallHost.Imports { AbiCall = _log });

    [Fact]
    public void Invalid_utf8_from_the_guest_is_a_trap()
    {
        using var guest = Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => guest.BadString());
        Assert.Contains("UTF-8", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_surrogate_char_from_the_guest_is_a_trap()
    {
        using var guest = Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => guest.BadChar());
        Assert.Contains("55296", trap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_return_runs_after_each_call_that_has_one()
    {
        using var guest = Instantiate();
        var before = guest.PostCalls();
        Assert.Equal("cba", guest.Reverse("abc"));
        Assert.Equal("a, b", guest.Shapes.Join(["a", "b"], ", "));
        Assert.Equal(before + 2, guest.PostCalls());
    }

    [Fact]
    public void Records_variants_and_results()
    {
        using var guest = Instantiate();
        Assert.Equal(Result<double, string>.Ok(12), guest.Shapes.Area(new Shape.Rect(new Point(3, 4))));
        Assert.True(guest.Shapes.Area(new Shape.Empty()).IsErr);
        var described = guest.Shapes.Describe(new Item("box", ["a", "b"], new Point(1, 2)), Color.Green, Perms.Read | Perms.Write);
        Assert.True(described.IsOk);
        Assert.Equal(2u, described.Value.Item2);
        Assert.True(guest.Shapes.Describe(new Item("box", [], null), Color.Red, Perms.None).IsErr);
        Assert.Equal("abcdefghi", guest.Concat9("a", "b", "c", "d", "e", "f", "g", "h", "i"));
        Assert.Equal(6ul, guest.Sum([1, 2, 3]));
    }

    [Fact]
    public void A_result_read_after_the_guest_grew_its_memory()
    {
        using var guest = Instantiate();
        var pages = guest.Instance.Memory.Length;
        var bytes = guest.Fill(3_000_000, 0xAB);
        Assert.True(guest.Instance.Memory.Length > pages);
        Assert.Equal(3_000_000, bytes.Length);
        Assert.All(bytes, b => Assert.Equal(0xAB, b));
    }

    [Fact]
    public void A_world_level_import()
    {
        using var guest = Instantiate();
        guest.CallLog("hello 🌍");
        Assert.Equal(["hello 🌍"], _log.Messages);
    }

    [Fact]
    public void A_world_level_import_with_a_string_result()
    {
        using var guest = Instantiate();
        Assert.Equal("hello, WitHost 🌍", guest.GreetHost());
    }

    private sealed class LogHost : IAbiCallImports
    {
        public List<string> Messages { get; } = [];

        public void Log(string msg) => Messages.Add(msg);

        public string HostName() => "WitHost 🌍";
    }
}
