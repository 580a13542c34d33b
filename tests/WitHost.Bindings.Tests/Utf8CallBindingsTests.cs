using System.Buffers;
using System.Text;
using Test.AbiCall;
using Test.Traps;
using Test.Traps.Traps;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The UTF-8 overload of a generated export call on a UTF-8 guest (tests/guests/abi-call.wasm):
/// string arguments go in as bytes, a string result is appended to a buffer writer, with the
/// string form's results and the string form's checks (a bad argument refused before the guest
/// sees anything, a bad result the same trap).
/// </summary>
public sealed class Utf8CallBindingsTests : IClassFixture<AbiCallGuest>, IClassFixture<TrapsGuest>
{
    private readonly AbiCallGuest _guest;
    private readonly TrapsGuest _traps;
    private readonly QuietAbiCallHost _host = new();

    public Utf8CallBindingsTests(AbiCallGuest guest, TrapsGuest traps) => (_guest, _traps) = (guest, traps);

    private AbiCallHost.Guest Instantiate() => AbiCallHost.Instantiate(_guest.Module, new AbiCallHost.Imports { AbiCall = _host });

    public static TheoryData<string> Texts => new()
    {
        "",
        "abc",
        "é ÿ",
        "世界",
        "a🌍b",
        "é世🌍ÿ",
        // Over 64 KiB, so the guest grows its memory during the call.
        string.Concat(Enumerable.Repeat("ünï🌍 ", 8000)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Reverse_round_trips_as_utf8_with_the_string_forms_result(string text)
    {
        using var guest = Instantiate();
        var writer = new ArrayBufferWriter<byte>();

        var written = guest.Reverse(Encoding.UTF8.GetBytes(text), writer);

        var expected = Encoding.UTF8.GetBytes(guest.Reverse(text));
        Assert.Equal(expected.Length, written);
        Assert.Equal(expected, writer.WrittenSpan.ToArray());
        Assert.Equal(string.Concat(text.EnumerateRunes().Reverse()), Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void The_result_goes_after_what_the_writer_already_holds()
    {
        using var guest = Instantiate();
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("before|"u8);

        var written = guest.Reverse("ab🌍"u8, writer);
        written += guest.Reverse("dc"u8, writer);

        Assert.Equal(8, written);
        Assert.Equal("before|🌍bacd", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void Arguments_that_travel_as_a_tuple_in_memory_go_as_utf8_too()
    {
        using var guest = Instantiate();
        var writer = new ArrayBufferWriter<byte>();

        var written = guest.Concat9("a"u8, ""u8, "é"u8, "世"u8, "🌍"u8, "f"u8, "g"u8, "h"u8, "i"u8, writer);

        Assert.Equal("aé世🌍fghi", Encoding.UTF8.GetString(writer.WrittenSpan));
        Assert.Equal(writer.WrittenCount, written);
    }

    [Fact]
    public void An_argument_that_is_not_utf8_is_refused_before_the_guest_allocates_anything()
    {
        using var guest = Instantiate();
        var reallocs = 0;
        guest.Instance.ReallocObserver = (_, _, _, _, _) => reallocs++;
        var posts = guest.PostCalls();
        var writer = new ArrayBufferWriter<byte>();

        // A lone continuation byte; an overlong encoding; a truncated 4-byte sequence.
        byte[][] invalid = [[0x61, 0x80], [0xC0, 0xAF], [0xF0, 0x9F, 0x8C]];
        foreach (var bytes in invalid)
        {
            var refused = Assert.Throws<ArgumentException>(() => guest.Reverse(bytes, writer));
            Assert.Equal("s", refused.ParamName);
        }

        // The fifth of nine: the tuple and the four strings before it would have been allocated.
        var fifth = Assert.Throws<ArgumentException>(() => guest.Concat9("a"u8, "b"u8, "c"u8, "d"u8, [0xFF], "f"u8, "g"u8, "h"u8, "i"u8, writer));
        Assert.Equal("e", fifth.ParamName);

        Assert.Equal(0, reallocs);
        Assert.Equal(0, writer.WrittenCount);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(posts, guest.PostCalls());
        Assert.Equal(2, guest.Reverse("ab"u8, writer));
        Assert.Equal("ba", Encoding.UTF8.GetString(writer.WrittenSpan));
        Assert.NotEqual(0, reallocs);
    }

    [Fact]
    public void A_null_writer_is_refused_before_the_call()
    {
        using var guest = Instantiate();
        var refused = Assert.Throws<ArgumentNullException>(() => guest.Reverse("ab"u8, null!));
        Assert.Equal("result", refused.ParamName);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_result_that_is_not_utf8_is_the_trap_of_the_string_form()
    {
        string expected;
        using (var stringForm = Instantiate())
        {
            expected = Assert.Throws<WasmTrapException>(() => stringForm.BadString()).Message;
        }

        using var guest = Instantiate();
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("kept"u8);
        var trap = Assert.Throws<WasmTrapException>(() => guest.BadString(writer));

        Assert.Equal(expected, trap.Message);
        Assert.Contains("not valid UTF-8", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
        Assert.Equal("kept", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void A_result_outside_the_memory_is_the_trap_of_the_string_form()
    {
        var host = new TrapsHost.Imports { Traps = new ColorIgnorer() };
        string expected;
        using (var stringForm = TrapsHost.Instantiate(_traps.Module, host))
        {
            expected = Assert.Throws<WasmTrapException>(() => stringForm.StringOutOfBounds()).Message;
        }

        using var guest = TrapsHost.Instantiate(_traps.Module, host);
        var writer = new ArrayBufferWriter<byte>();
        var trap = Assert.Throws<WasmTrapException>(() => guest.StringOutOfBounds(writer));

        Assert.Equal(expected, trap.Message);
        Assert.Contains("outside the memory", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void A_call_into_a_reused_writer_allocates_nothing()
    {
        using var guest = Instantiate();
        var text = "sixteen chars ok"u8.ToArray();
        var writer = new ArrayBufferWriter<byte>(64);

        // Warm up: the first calls compile the wrapper and look cabi_realloc up.
        Run(100);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal("ko srahc neetxis", Encoding.UTF8.GetString(writer.WrittenSpan));

        void Run(int rounds)
        {
            for (var i = 0; i < rounds; i++)
            {
                writer.ResetWrittenCount();
                guest.Reverse(text, writer);
            }
        }
    }

    private sealed class ColorIgnorer : ITrapsImports
    {
        public void TakeColor(Color c)
        {
        }
    }
}
