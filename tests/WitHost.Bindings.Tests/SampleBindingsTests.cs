using System.Text;
using Example.Sample.Enums;
using Example.Sample.Lists;
using Example.Sample.Results;
using Example.Sample.Variants;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The sample guest (samples/HelloWorld/guest/sample.wasm) through the generated bindings on WAMR. The values
/// are those of the oracle cases in tests/WitHost.CrossCheck.Tests/SampleCrossCheckTests.cs, which
/// jco, an independent Canonical ABI implementation, gives for the same guest.
/// </summary>
public class SampleBindingsTests : IClassFixture<SampleGuest>
{
    // Over 64 KiB of UTF-8, so the guest grows its memory while reversing it.
    private static readonly string s_long = string.Concat(Enumerable.Range(0, 4000).Select(i => $"{i}:ünï🌍 "));

    private readonly TestGuest _guest;
    private readonly RecordingHost _host = new();

    public SampleBindingsTests(SampleGuest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected SampleBindingsTests(TestGuest guest) => _guest = guest;

    private SampleHost.Guest Instantiate() => SampleHost.Instantiate(_guest.Module, _host.Imports);

    [Fact]
    public void Booleans()
    {
        using var guest = Instantiate();
        Assert.False(guest.Booleans.And(true, false));
        Assert.True(guest.Booleans.And(true, true));
        Assert.False(guest.Booleans.Or(false, false));
        Assert.True(guest.Booleans.Or(false, true));
        Assert.False(guest.Booleans.Xor(true, true));
        Assert.True(guest.Booleans.Xor(true, false));
        Assert.True(guest.Booleans.Not(false));
    }

    [Fact]
    public void Floats()
    {
        using var guest = Instantiate();
        Assert.Equal(3.75f, guest.Floats.AddF32(1.5f, 2.25f));
        Assert.Equal(1.1f + 2.2f, guest.Floats.AddF32(1.1f, 2.2f));
        Assert.Equal(-10f, guest.Floats.MulF32(-2.5f, 4));
        Assert.Equal(0.1 + 0.2, guest.Floats.AddF64(0.1, 0.2));
        Assert.True(double.IsNegative(guest.Floats.AddF64(-0.0, -0.0)));
        Assert.Equal(double.PositiveInfinity, guest.Floats.DivF64(1, 0));
        Assert.Equal(double.NegativeInfinity, guest.Floats.DivF64(-1, 0));
        Assert.True(double.IsNaN(guest.Floats.DivF64(0, 0)));
    }

    [Fact]
    public void Integers()
    {
        using var guest = Instantiate();
        Assert.Equal(127, guest.Integers.AddU8(100, 27));
        Assert.Equal(1, guest.Integers.AddU8(255, 2));
        Assert.Equal(-128, guest.Integers.AddS8(127, 1));
        Assert.Equal(106, guest.Integers.AddS8(-100, -50));
        Assert.Equal(0, guest.Integers.AddU16(65535, 1));
        Assert.Equal(32767, guest.Integers.SubS16(-32768, 1));
        Assert.Equal(15u, guest.Integers.MulU32(3, 5));
        Assert.Equal(65536u, guest.Integers.MulU32(65536, 65537));
        Assert.Equal(int.MinValue, guest.Integers.AddS32(int.MaxValue, 1));
        Assert.Equal(9007199254740995ul, guest.Integers.AddU64(9007199254740993, 2));
        Assert.Equal(1ul, guest.Integers.AddU64(ulong.MaxValue, 2));
        Assert.Equal(-5L, guest.Integers.NegS64(5));
        Assert.Equal(long.MinValue, guest.Integers.NegS64(long.MinValue));
    }

    [Fact]
    public void Strings()
    {
        using var guest = Instantiate();
        Assert.Equal("🌍olléh", guest.Strings.Reverse("héllo🌍"));
        Assert.Equal("", guest.Strings.Reverse(""));
        Assert.Equal(ReverseScalars(s_long), guest.Strings.Reverse(s_long));
        Assert.Equal("HELLO, WöRLD!", guest.Strings.ToUpper("Hello, wörld!"));
        Assert.Equal(6u, guest.Strings.Len("héllo🌍"));
        Assert.Equal(0u, guest.Strings.Len(""));
        Assert.Equal(["log-u32(6, len: )", "log-u32(0, len: )"], _host.Calls);
    }

    [Fact]
    public void Seventeen_strings_go_as_a_tuple_in_memory()
    {
        using var guest = Instantiate();
        Assert.Equal("abcdefghijklmnopq", guest.Strings.Concat17("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"));
        Assert.Equal("é🌍z", guest.Strings.Concat17("é", "", "🌍", "", "", "", "", "", "", "", "", "", "", "", "", "", "z"));
    }

    [Fact]
    public void Tuples()
    {
        using var guest = Instantiate();
        Assert.Equal(("seven", 7u), guest.Tuples.Swap((7, "seven")));
        Assert.Equal(["log-str(seven)"], _host.Calls);
        Assert.Equal(("héllo", "🌍"), guest.Tuples.SplitAt("héllo🌍", 5));
        Assert.Equal(("abc", ""), guest.Tuples.SplitAt("abc", 10));
    }

    [Fact]
    public void Lists()
    {
        using var guest = Instantiate();
        Assert.Equal([Math.PI, 7, 0], guest.Lists.Areas([new Shape.Circle(1), new Shape.Rectangle((2, 3.5)), new Shape.Dot()]));
        Assert.Empty(guest.Lists.Areas([]));
        Assert.Equal(
            [new Shape.Circle(1.5), new Shape.Circle(0.25)],
            guest.Lists.Circles([new Shape.Dot(), new Shape.Circle(1.5), new Shape.Rectangle((2, 3)), new Shape.Circle(0.25)]));
        Assert.Equal(4294967298ul, guest.Lists.Sum([1, 2, 4294967295]));
        Assert.Equal(0ul, guest.Lists.Sum([]));
        Assert.Equal(["a", "bc", "d"], guest.Lists.Words("a bc d"));
        Assert.Equal([""], guest.Lists.Words(""));
        Assert.Equal(["", "ü"], guest.Lists.Words(" ü"));
    }

    [Fact]
    public void Enums()
    {
        using var guest = Instantiate();
        Assert.Equal(Color.Green, guest.Enums.Next(Color.Red));
        Assert.Equal(Color.Red, guest.Enums.Next(Color.Blue));
        Assert.Equal("green", guest.Enums.Name(Color.Green));
    }

    [Fact]
    public void Variants()
    {
        using var guest = Instantiate();
        Assert.Equal("int -5", guest.Variants.Describe(new Number.Int(-5)));
        Assert.Equal("float 2.5", guest.Variants.Describe(new Number.Float(2.5)));
        Assert.Equal("float 1e+300", guest.Variants.Describe(new Number.Float(1e300)));
        Assert.Equal("text abc", guest.Variants.Describe(new Number.Text("abc")));
        Assert.Equal("nothing", guest.Variants.Describe(new Number.Nothing()));
        Assert.Equal(new Number.Int(-42), guest.Variants.Twice(new Number.Int(-21)));
        Assert.Equal(new Number.Int(-2), guest.Variants.Twice(new Number.Int(long.MaxValue)));
        Assert.Equal(new Number.Float(2.5), guest.Variants.Twice(new Number.Float(1.25)));
        Assert.Equal(new Number.Text("ab🌍ab🌍"), guest.Variants.Twice(new Number.Text("ab🌍")));
        Assert.Equal(new Number.Nothing(), guest.Variants.Twice(new Number.Nothing()));
    }

    [Fact]
    public void Options()
    {
        using var guest = Instantiate();
        Assert.Equal(42u, guest.Options.Increment(41));
        Assert.Null(guest.Options.Increment(null));
        Assert.Equal(0u, guest.Options.Increment(4294967295));
        Assert.Equal("Hello, Zoë!", guest.Options.Greet("Zoë"));
        Assert.Null(guest.Options.Greet(null));
        Assert.Equal(5u, guest.Options.Flatten(Option<uint?>.Some(5)));
        Assert.Null(guest.Options.Flatten(Option<uint?>.Some(null)));
        Assert.Null(guest.Options.Flatten(Option<uint?>.None));
        Assert.Equal(Option<uint?>.Some(3), guest.Options.Wrap(3));
        Assert.Equal(Option<uint?>.Some(null), guest.Options.Wrap(null));
    }

    [Fact]
    public void Results()
    {
        using var guest = Instantiate();
        Assert.Equal(Result<uint, string>.Ok(4294967295), guest.Results.ParseU32("4294967295"));
        Assert.Equal(Result<uint, string>.Err("bad number: 4294967296"), guest.Results.ParseU32("4294967296"));
        Assert.Equal(Result<uint, string>.Err("bad number: 12x"), guest.Results.ParseU32("12x"));
        Assert.Equal(Result<uint, string>.Err("bad number: "), guest.Results.ParseU32(""));
        Assert.Equal(Result<uint, MathError>.Ok(3), guest.Results.Div(7, 2));
        Assert.Equal(Result<uint, MathError>.Err(MathError.DivideByZero), guest.Results.Div(1, 0));
        Assert.Equal(["log-u32(7, div: )", "log-u32(1, div: )"], _host.Calls);
        Assert.Equal(Result<Unit, MathError>.Ok(Unit.Value), guest.Results.CheckAdd(1, 1));
        Assert.Equal(Result<Unit, MathError>.Err(MathError.Overflow), guest.Results.CheckAdd(4294967295, 1));
    }

    [Fact]
    public void World_level_exports_and_imports()
    {
        using var guest = Instantiate();
        guest.VoidFunc();
        Assert.Equal(Result<uint, string>.Ok(42), guest.OkFunc(40, 2));
        Assert.Equal(Result<uint, string>.Err("overflow"), guest.OkFunc(4294967295, 2));
        Assert.Equal("Hello, WitHost!", guest.GreetHost());
        _host.Name = "Zoë 🌍";
        Assert.Equal("Hello, Zoë 🌍!", guest.GreetHost());
        Assert.Equal(["log-str(void-func called)", "log-u32(42, ok-func: )", "host-name()", "host-name()"], _host.Calls);
    }

    [Fact]
    public void An_exception_of_the_host_reaches_the_caller_and_faults_the_instance()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, new SampleHost.Imports { Logging = new ThrowingLogging(), Sample = _host });
        var trap = Assert.Throws<WasmTrapException>(() => guest.Strings.Len("abc"));
        Assert.IsType<InvalidOperationException>(trap.InnerException);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_null_argument_is_refused_before_anything_reaches_the_guest()
    {
        using var guest = Instantiate();
        Assert.Throws<ArgumentNullException>(() => guest.Strings.Reverse(null!));
        Assert.Throws<ArgumentNullException>(() => guest.Lists.Areas(null!));
        Assert.Throws<ArgumentNullException>(() => guest.Variants.Describe(null!));
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal("cba", guest.Strings.Reverse("abc"));
    }

    [Fact]
    public void An_import_set_to_null_is_refused_by_Instantiate_naming_the_property()
    {
        // null! passes the compiler (WITHOST1003 warns about it, an error in this project, hence the
        // pragma); the guest's first call would otherwise fail inside the import entry.
#pragma warning disable WITHOST1003
        var withoutLogging = new SampleHost.Imports { Logging = null!, Sample = _host };
        var refused = Assert.Throws<ArgumentException>(() => SampleHost.Instantiate(_guest.Module, withoutLogging));
        Assert.Equal("imports", refused.ParamName);
        Assert.StartsWith("SampleHost.Imports.Logging is null; it must implement the import example:sample/logging.", refused.Message);

        var withoutWorldImports = new SampleHost.Imports { Logging = _host, Sample = null! };
#pragma warning restore WITHOST1003
        refused = Assert.Throws<ArgumentException>(() => SampleHost.Instantiate(_guest.Module, withoutWorldImports));
        Assert.StartsWith("SampleHost.Imports.Sample is null; it must implement the functions the world example:sample/sample imports.", refused.Message);
    }

    [Fact]
    public void Each_instance_calls_its_own_imports()
    {
        var other = new RecordingHost { Name = "other" };
        using var first = Instantiate();
        using var second = SampleHost.Instantiate(_guest.Module, other.Imports);
        Assert.Equal("Hello, other!", second.GreetHost());
        Assert.Equal("Hello, WitHost!", first.GreetHost());
        Assert.Equal(["host-name()"], other.Calls);
        Assert.Equal(["host-name()"], _host.Calls);
    }

    [Fact]
    public void Scalar_calls_allocate_nothing()
    {
        using var guest = Instantiate();
        var booleans = guest.Booleans;
        var integers = guest.Integers;
        var floats = guest.Floats;
        var enums = guest.Enums;

        // Warm up: the first calls compile the wrappers and set up WAMR's thread environment.
        Run(100);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var checksum = Run(1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0ul, checksum);

        ulong Run(int rounds)
        {
            ulong sum = 0;
            for (var i = 0; i < rounds; i++)
            {
                sum += booleans.Xor(i % 2 == 0, true) ? 1ul : 0ul;
                sum += integers.AddU64((ulong)i, 1);
                sum += (ulong)integers.NegS64(-i);
                sum += (ulong)floats.AddF64(i, 0.5);
                sum += integers.AddU8((byte)i, 1);
                sum += (ulong)enums.Next((Color)(i % 3));
            }

            return sum;
        }
    }

    private sealed class ThrowingLogging : Example.Sample.ILogging
    {
        public void LogU32(uint a, string s) => throw new InvalidOperationException("the host refuses");

        public void LogStr(string s) => throw new InvalidOperationException("the host refuses");
    }

    private static string ReverseScalars(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        var builder = new StringBuilder();
        foreach (var rune in runes)
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
