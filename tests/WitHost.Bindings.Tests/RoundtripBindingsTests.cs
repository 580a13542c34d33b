using System.Text;
using Example.Roundtrip.Types;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The round-trip guest (tests/guests/roundtrip.wasm) through the generated bindings: each export
/// passes its argument to the host's import of the same name and returns the host's answer, so
/// every value is lowered by an export wrapper, lifted by an import entry, lowered back by it and
/// lifted by the wrapper. The values follow tests/WitHost.CrossCheck.Tests/RoundtripCrossCheckTests.cs.
/// </summary>
public class RoundtripBindingsTests : IClassFixture<RoundtripGuest>
{
    private static readonly Person s_ada = new("Ada", 36, ["ada@example.com", "a@b.c"], new Address("1 Loop Rd", "Zürich", 8000));
    private static readonly Person s_bob = new("Bob 🌍", 255, [], new Address("", "", null));
    private static readonly Person s_cy = new("", 0, [""], null);

    private readonly TestGuest _guest;
    private readonly EchoHost _host = new();

    public RoundtripBindingsTests(RoundtripGuest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected RoundtripBindingsTests(TestGuest guest) => _guest = guest;

    private RoundtripHost.Guest Instantiate() => RoundtripHost.Instantiate(_guest.Module, _host.Imports);

    [Fact]
    public void Scalars()
    {
        using var guest = Instantiate();
        var echoes = guest.Echoes;
        Assert.True(echoes.EchoBool(true));
        Assert.False(echoes.EchoBool(false));
        Assert.Equal(255, echoes.EchoU8(255));
        Assert.Equal(-128, echoes.EchoS8(-128));
        Assert.Equal(65535, echoes.EchoU16(65535));
        Assert.Equal(-32768, echoes.EchoS16(-32768));
        Assert.Equal(uint.MaxValue, echoes.EchoU32(uint.MaxValue));
        Assert.Equal(int.MinValue, echoes.EchoS32(int.MinValue));
        Assert.Equal(ulong.MaxValue, echoes.EchoU64(ulong.MaxValue));
        Assert.Equal(long.MinValue, echoes.EchoS64(long.MinValue));
        Assert.Equal(-1.5f, echoes.EchoF32(-1.5f));
        Assert.Equal(float.Epsilon, echoes.EchoF32(float.Epsilon));
        Assert.Equal(1e300, echoes.EchoF64(1e300));
        Assert.True(double.IsNegative(echoes.EchoF64(-0.0)));
        Assert.Equal(new Rune(0x1F30D), echoes.EchoChar(new Rune(0x1F30D)));
        Assert.Equal(new Rune(0x10FFFF), echoes.EchoChar(new Rune(0x10FFFF)));
        Assert.Equal(new Rune(0), echoes.EchoChar(new Rune(0)));
        Assert.Equal(17, _host.Calls.Count);
        Assert.Equal(("echo-s64", (object?)long.MinValue), _host.Calls[9]);
    }

    [Fact]
    public void Float_bits_survive_both_ways()
    {
        using var guest = Instantiate();
        Assert.Equal(0x80000000u, guest.Echoes.EchoF32Bits(0x80000000u));
        Assert.Equal(1u, guest.Echoes.EchoF32Bits(1));
        Assert.Equal(0x7F800000u, guest.Echoes.EchoF32Bits(0x7F800000u));
        Assert.Equal(0x8000000000000000ul, guest.Echoes.EchoF64Bits(0x8000000000000000ul));
        var bits = BitConverter.DoubleToUInt64Bits(1.1);
        Assert.Equal(bits, guest.Echoes.EchoF64Bits(bits));
    }

    [Fact]
    public void Strings_and_lists()
    {
        using var guest = Instantiate();
        var echoes = guest.Echoes;
        Assert.Equal("héllo 🌍", echoes.EchoString("héllo 🌍"));
        Assert.Equal("", echoes.EchoString(""));
        var big = string.Concat(Enumerable.Repeat("ünï🌍", 20000));
        Assert.Equal(big, echoes.EchoString(big));
        Assert.Equal(new byte[] { 0, 1, 255 }, echoes.EchoListU8([0, 1, 255]));
        Assert.Empty(echoes.EchoListU8([]));
        Assert.Equal(["a", "", "🌍"], echoes.EchoListString(["a", "", "🌍"]));
        Assert.Equal([[1u, 2u], [], [uint.MaxValue]], echoes.EchoListList([[1, 2], [], [uint.MaxValue]]));
        Assert.Equal("héllo 🌍", Assert.IsType<string>(_host.Calls[0].Argument));
    }

    [Fact]
    public void Records_and_tuples()
    {
        using var guest = Instantiate();
        var echoes = guest.Echoes;
        Assert.Equal(new Point(-5, int.MaxValue), echoes.EchoPoint(new Point(-5, int.MaxValue)));
        Assert.Equivalent(s_ada, echoes.EchoPerson(s_ada), strict: true);
        Assert.Equivalent(s_cy, echoes.EchoPerson(s_cy), strict: true);
        var team = new Team("Core", s_ada, [s_bob, s_cy], [[1, 2, 3], []]);
        Assert.Equivalent(team, echoes.EchoTeam(team), strict: true);
        Assert.Equivalent(new[] { s_ada, s_bob, s_cy }, echoes.EchoListPerson([s_ada, s_bob, s_cy]), strict: true);
        Assert.Equal(((byte)7, "seven", 7.5), echoes.EchoTuple((7, "seven", 7.5)));
        Assert.Equivalent(team, _host.Calls[3].Argument, strict: true);
    }

    [Fact]
    public void Enums_flags_and_variants()
    {
        using var guest = Instantiate();
        var echoes = guest.Echoes;
        Assert.Equal(Level.High, echoes.EchoLevel(Level.High));
        Assert.Equal(Permissions.Read | Permissions.Execute, echoes.EchoPermissions(Permissions.Read | Permissions.Execute));
        Assert.Equal(Permissions.None, echoes.EchoPermissions(Permissions.None));
        Assert.Equal(Many.Bit0 | Many.Bit31, echoes.EchoMany(Many.Bit0 | Many.Bit31));
        Assert.Equal(new Event.Moved(new Point(-5, -7)), echoes.EchoEvent(new Event.Moved(new Point(-5, -7))));
        Assert.Equal(new Event.Said("hi 🌍"), echoes.EchoEvent(new Event.Said("hi 🌍")));
        Assert.Equal(new Event.Scored((3, -2.5)), echoes.EchoEvent(new Event.Scored((3, -2.5))));
        Assert.Equal(new Event.Idle(), echoes.EchoEvent(new Event.Idle()));
    }

    [Fact]
    public void Options_and_results()
    {
        using var guest = Instantiate();
        var echoes = guest.Echoes;
        Assert.Equal("x", echoes.EchoOptionString("x"));
        Assert.Null(echoes.EchoOptionString(null));
        Assert.Equal(new Point(1, 2), echoes.EchoOptionPoint(new Point(1, 2)));
        Assert.Null(echoes.EchoOptionPoint(null));
        Assert.Equal(Result<Unit, Unit>.Ok(Unit.Value), echoes.EchoResult(Result<Unit, Unit>.Ok(Unit.Value)));
        Assert.Equal(Result<Unit, Unit>.Err(Unit.Value), echoes.EchoResult(Result<Unit, Unit>.Err(Unit.Value)));
        Assert.Equal(Result<uint, Unit>.Ok(42), echoes.EchoResultOk(Result<uint, Unit>.Ok(42)));
        Assert.Equal(Result<Unit, string>.Err("bad"), echoes.EchoResultErr(Result<Unit, string>.Err("bad")));
        Assert.Equal(Result<string, Level>.Ok("yes"), echoes.EchoResultBoth(Result<string, Level>.Ok("yes")));
        Assert.Equal(Result<string, Level>.Err(Level.Medium), echoes.EchoResultBoth(Result<string, Level>.Err(Level.Medium)));
    }

    [Fact]
    public void The_host_answer_is_what_comes_back()
    {
        using var guest = Instantiate();
        _host.Answer = value => value switch
        {
            string text => text + "!",
            Event.Said said => new Event.Scored(((uint)said.Value.Length, 0.5)),
            Result<string, Level> => Result<string, Level>.Err(Level.Low),
            _ => value,
        };
        Assert.Equal("abc!", guest.Echoes.EchoString("abc"));
        Assert.Equal(new Event.Scored((2, 0.5)), guest.Echoes.EchoEvent(new Event.Said("hi")));
        Assert.Equal(Result<string, Level>.Err(Level.Low), guest.Echoes.EchoResultBoth(Result<string, Level>.Ok("yes")));
    }

    [Fact]
    public void Seventeen_parameters_travel_in_memory_both_ways()
    {
        using var guest = Instantiate();
        var (sum, text, bytes) = guest.Echoes.ManyParams(
            1, -2, 3, -4, 5, -6, 7, -8, 1.5f, 2.25, true, new Rune('é'), "thirteen 🌍", new Point(14, -14), Level.Medium, Permissions.Write, 17);
        Assert.Equal(unchecked(1UL - 2 + 3 - 4 + 5 - 6 + 7 - 8), sum);
        Assert.Equal("thirteen 🌍|é|14,-14|Medium|Write|17|True|1.5|2.25", text);
        Assert.Equal(Encoding.UTF8.GetBytes("thirteen 🌍"), bytes);

        var (_, none, _) = guest.Echoes.ManyParams(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, new Rune('a'), "", new Point(0, 0), Level.Low, Permissions.None, null);
        Assert.Equal("|a|0,0|Low|None||False|0|0", none);
    }

    [Fact]
    public void Round_trips_leave_the_guest_memory_as_it_was()
    {
        using var guest = Instantiate();
        var team = new Team("Core", s_ada, [s_bob, s_cy], [[1, 2, 3], []]);
        guest.Echoes.EchoTeam(team);
        var size = guest.Instance.Memory.Length;
        for (var i = 0; i < 500; i++)
        {
            guest.Echoes.EchoTeam(team);
            guest.Echoes.EchoListString(["a", "bb", "ccc"]);
            guest.Echoes.ManyParams(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, true, new Rune('x'), "many", new Point(1, 1), Level.High, Permissions.Read, 1);
        }

        // Each string and list the host lowers is freed by the guest (it owns them), and what the
        // guest returns is freed by cabi_post_: nothing piles up.
        Assert.Equal(size, guest.Instance.Memory.Length);
    }

    [Fact]
    public void Scalar_calls_through_host_imports_allocate_nothing()
    {
        _host.Records = false;
        using var guest = Instantiate();
        var echoes = guest.Echoes;

        // Warm up: the first calls compile the wrappers and set up WAMR's thread environment.
        Run(100);
        // Measured on this thread only. An allocation in the call path shows in every
        // measurement; a one-off that is not the calls' (seen on loaded machines) shows in one, so
        // the least of up to three measurements counts.
        var allocated = long.MaxValue;
        var checksum = 0L;
        for (var attempt = 0; attempt < 3 && allocated != 0; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            checksum = Run(1000);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        Assert.NotEqual(0L, checksum);

        long Run(int rounds)
        {
            long sum = 0;
            for (var i = 0; i < rounds; i++)
            {
                // Each call crosses an export wrapper and an import entry both ways.
                sum += echoes.EchoU32((uint)i);
                sum += echoes.EchoS64(-i);
                sum += echoes.EchoChar(new Rune('a' + (i % 26))).Value;
                sum += (long)echoes.EchoLevel((Level)(i % 3));
                sum += (long)echoes.EchoMany((Many)(uint)i);
                sum += echoes.EchoBool(i % 2 == 0) ? 1 : 0;
                sum += (long)echoes.EchoF64(i);
            }

            return sum;
        }
    }
}
