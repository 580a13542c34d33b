using Test.AbiHeader;
using Test.AbiHeader.Tokens;

namespace WitHost.Bindings.Tests;

/// <summary>
/// tests/guests/abi-header.wasm, written in C against the header <c>wit-host abi --c-header</c>
/// writes for its world (tests/guests/abi-header.h), called through the generated host: every
/// layout, flattening, return area, out-pointer and core name the guest took from the header must
/// agree with what the generated host does for the values to come back right.
/// </summary>
public sealed class AbiHeaderBindingsTests : IClassFixture<AbiHeaderGuest>
{
    private readonly AbiHeaderGuest _guest;
    private readonly WordHost _host = new();

    public AbiHeaderBindingsTests(AbiHeaderGuest guest) => _guest = guest;

    private AbiHeaderHost.Guest Instantiate() => AbiHeaderHost.Instantiate(_guest.Module, new AbiHeaderHost.Imports { AbiHeader = _host });

    [Fact]
    public void A_list_of_records_comes_back_through_the_return_area()
    {
        using var guest = Instantiate();

        var tokens = guest.Tokens.Tokenize("go 42 !x");

        Assert.Equal(
            new[]
            {
                new Token(Kind.Word, "go", (0u, 2u), null, Marks.First),
                new Token(Kind.Number, "42", (3u, 5u), 42.0, Marks.None),
                new Token(Kind.Punct, "!", (6u, 7u), null, Marks.None),
                new Token(Kind.Word, "x", (7u, 8u), null, Marks.Last),
            },
            tokens);
    }

    [Fact]
    public void A_flattened_variant_reaches_the_guest_and_a_result_comes_back()
    {
        using var guest = Instantiate();

        Assert.Equal(Result<string, uint>.Ok("number '1234' at 5..9"), guest.Tokens.Describe(new Lexeme.Tok(new Token(Kind.Number, "1234", (5u, 9u), 1234.0, Marks.Last))));
        Assert.Equal(Result<string, uint>.Err(7), guest.Tokens.Describe(new Lexeme.Gap(7)));
        Assert.Equal(Result<string, uint>.Err(0), guest.Tokens.Describe(new Lexeme.End()));
    }

    [Fact]
    public void Imports_are_reached_by_the_headers_names_and_an_out_pointer()
    {
        using var guest = Instantiate();

        Assert.Equal("zebra \U0001F993", guest.EchoHostWord());
        Assert.Equal(["host word: zebra \U0001F993"], _host.Messages);
    }

    private sealed class WordHost : IAbiHeaderImports
    {
        public List<string> Messages { get; } = [];

        public void Log(string msg) => Messages.Add(msg);

        public string HostWord() => "zebra \U0001F993";
    }
}
