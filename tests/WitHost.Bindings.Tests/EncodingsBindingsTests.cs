using System.Buffers;
using System.Text;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The non-default string encodings end to end: a host generated with
/// <c>[WitHost(..., Encoding = ...)]</c> calls a guest whose hand-written glue speaks that
/// encoding (tests/guests/encodings-*.c), in both directions (export arguments and results, and
/// the import host-echo's argument and result), and its lifting refuses what the spec refuses.
/// </summary>
public abstract class EncodingsBindingsTests
{
    /// <summary>Longer than 64 KiB in every encoding, so the guest's heap and memory grow while the host writes and reads.</summary>
    private const int LongLength = 70_000;

    protected EncodingsEcho Echo { get; } = new();

    /// <summary>An instance of the guest, through the host generated for its encoding.</summary>
    protected abstract EncodingsGuestCalls Open();

    /// <summary>The form ("latin1" or "utf16") the host must choose when it lowers <paramref name="value"/> into this guest.</summary>
    protected abstract string ExpectedForm(string value);

    public static TheoryData<string, string> Reversals => new()
    {
        { "", "" },
        { "Hello", "olleH" },
        { "é ÿ!", "!ÿ é" },
        { "世界", "界世" },
        { "a🌍b", "b🌍a" },
        { "é世🌍ÿ", "ÿ🌍世é" },
    };

    [Theory]
    [MemberData(nameof(Reversals))]
    public void Reverse_round_trips_each_kind_of_character(string input, string expected)
    {
        using var guest = Open();
        Assert.Equal(expected, guest.Reverse(input));
    }

    [Theory]
    [InlineData("", 0u)]
    [InlineData("abc", 3u)]
    [InlineData("éÿ", 2u)]
    [InlineData("世界", 2u)]
    [InlineData("🌍", 1u)]
    [InlineData("a🌍世é", 4u)]
    public void Length_counts_scalar_values_not_code_units(string input, uint expected)
    {
        using var guest = Open();
        Assert.Equal(expected, guest.Length(input));
    }

    [Fact]
    public void A_list_of_strings_round_trips_with_each_string_in_its_own_form()
    {
        using var guest = Open();
        string[] values = ["", "abc", "é ÿ", "世界", "🌍", "mixed é世🌍"];
        Assert.Equal(values, guest.EchoList(values));
        Assert.Empty(guest.EchoList([]));
    }

    [Theory]
    [InlineData("Ana")]
    [InlineData("Zoë")]
    [InlineData("世界")]
    [InlineData("🌍")]
    public void Greet_returns_ok_with_the_name(string name)
    {
        using var guest = Open();
        Assert.Equal(Result<string, string>.Ok($"Hello, {name}!"), guest.Greet(name));
    }

    [Fact]
    public void Greet_returns_err_for_an_empty_name()
    {
        using var guest = Open();
        Assert.Equal(Result<string, string>.Err("empty name"), guest.Greet(""));
    }

    [Theory]
    [MemberData(nameof(Reversals))]
    public void Reverse_round_trips_utf8_bytes_through_the_guests_encoding(string input, string expected)
    {
        using var guest = Open();
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("<"u8);
        var written = guest.ReverseUtf8(Encoding.UTF8.GetBytes(input), writer);
        Assert.Equal(Encoding.UTF8.GetByteCount(expected), written);
        Assert.Equal("<" + expected, Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(LongStrings))]
    public void Utf8_bytes_longer_than_64_KiB_round_trip(string value)
    {
        using var guest = Open();
        var writer = new ArrayBufferWriter<byte>();
        guest.ReverseUtf8(Encoding.UTF8.GetBytes(value), writer);
        Assert.Equal(string.Concat(value.EnumerateRunes().Reverse()), Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_before_the_guest_sees_them()
    {
        using var guest = Open();
        var reallocs = 0;
        guest.Instance.ReallocObserver = (_, _, _, _, _) => reallocs++;
        var writer = new ArrayBufferWriter<byte>();
        Assert.Throws<ArgumentException>(() => guest.ReverseUtf8([0x61, 0xED, 0xA0, 0x80], writer));
        Assert.Equal(0, reallocs);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(2, guest.ReverseUtf8("ab"u8, writer));
        Assert.Equal("ba", Encoding.UTF8.GetString(writer.WrittenSpan));
        Assert.NotEqual(0, reallocs);
    }

    [Fact]
    public void A_string_longer_than_the_limit_in_the_guests_encoding_is_refused_before_the_guest_allocates_it()
    {
        // U+0100 is two bytes in UTF-16, and takes a latin1+utf16 string to UTF-16: one char more
        // than half the limit is one byte past it (2^28 - 1 bytes), in either encoding.
        var text = new string('\u0100', ((int)WitHost.Wamr.CanonicalAbi.CanonicalRules.MaxByteLength / 2) + 1);
        using var guest = Open();
        var reallocs = 0;
        guest.Instance.ReallocObserver = (_, _, _, _, _) => reallocs++;

        var refused = Assert.Throws<ArgumentException>(() => guest.Reverse(text));

        Assert.Contains("longer than the Canonical ABI allows", refused.Message);
        Assert.Equal(0, reallocs);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal("ba", guest.Reverse("ab"));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public void A_string_result_that_breaks_the_rules_is_the_same_trap_into_a_writer(uint kind)
    {
        string expected;
        using (var stringForm = Open())
        {
            expected = Assert.Throws<WasmTrapException>(() => stringForm.BadString(kind)).Message;
        }

        using var guest = Open();
        var writer = new ArrayBufferWriter<byte>();
        var trap = Assert.Throws<WasmTrapException>(() => guest.BadStringUtf8(kind, writer));
        Assert.Equal(expected, trap.Message);
        Assert.True(guest.Instance.IsFaulted);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("é ÿ")]
    [InlineData("世界")]
    [InlineData("é then 世")]
    [InlineData("🌍")]
    public void The_host_lowers_each_string_in_the_form_the_encoding_calls_for(string value)
    {
        using var guest = Open();
        Assert.Equal(ExpectedForm(value), guest.Form(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc é ÿ")]
    [InlineData("世界🌍")]
    public void A_string_the_guest_returns_in_utf16_form_lifts_whatever_it_holds(string value)
    {
        using var guest = Open();
        Assert.Equal(value, guest.Widen(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("é ÿ")]
    [InlineData("世界")]
    [InlineData("🌍 é")]
    public void The_import_lifts_the_guests_argument_and_lowers_its_answer_in_the_encoding(string value)
    {
        using var guest = Open();
        var (answer, form) = guest.CallHost(value);
        Assert.Equal([value], Echo.Received);
        Assert.Equal($"<{value}>", answer);
        Assert.Equal(ExpectedForm(answer), form);
    }

    public static TheoryData<string> LongStrings => new()
    {
        new string('a', LongLength),
        new string('é', LongLength),
        new string('世', LongLength),
        string.Concat(Enumerable.Repeat("🌍", LongLength / 2)),
        // Latin-1 for 64 KiB, then one character that is not: a latin1+utf16 host has written
        // the Latin-1 bytes and must widen them in a reallocated block.
        new string('ÿ', LongLength) + "世",
    };

    [Theory]
    [MemberData(nameof(LongStrings))]
    public void Strings_longer_than_64_KiB_round_trip(string value)
    {
        using var guest = Open();
        var reversed = string.Concat(value.EnumerateRunes().Reverse());
        Assert.Equal(reversed, guest.Reverse(value));
        Assert.Equal((uint)value.EnumerateRunes().Count(), guest.Length(value));
        Assert.Equal([value, reversed], guest.EchoList([value, reversed]));
        Assert.Equal(value, guest.Widen(value));
        Assert.Equal(ExpectedForm(value), guest.Form(value));
        var (answer, form) = guest.CallHost(value);
        Assert.Equal($"<{value}>", answer);
        Assert.Equal(ExpectedForm(answer), form);
    }

    [Theory]
    [InlineData(0u, "not valid UTF-16")]
    [InlineData(1u, "not valid UTF-16")]
    [InlineData(2u, "not aligned to 2")]
    [InlineData(3u, "outside the memory")]
    public void A_string_result_that_breaks_the_rules_is_a_trap(uint kind, string expected)
    {
        using var guest = Open();
        var trap = Assert.Throws<WasmTrapException>(() => guest.BadString(kind));
        Assert.Contains(expected, trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_lone_surrogate_in_the_guests_argument_to_the_import_is_a_trap()
    {
        using var guest = Open();
        var trap = Assert.Throws<WasmTrapException>(() => guest.CallHostBadly());
        Assert.Contains("not valid UTF-16", trap.ToString(), StringComparison.Ordinal);
        Assert.Empty(Echo.Received);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_host_string_with_a_lone_surrogate_is_refused_before_the_guest_sees_it()
    {
        using var guest = Open();
        Assert.Throws<ArgumentException>(() => guest.Reverse("a\uD800"));
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal("ba", guest.Reverse("ab"));
    }

    [Fact]
    public void An_import_answer_with_a_lone_surrogate_is_a_trap_in_the_guests_call()
    {
        using var guest = Open();
        Echo.Answer = _ => "\uDC00";
        Assert.Throws<WasmTrapException>(() => guest.CallHost("abc"));
        Assert.True(guest.Instance.IsFaulted);
    }
}
