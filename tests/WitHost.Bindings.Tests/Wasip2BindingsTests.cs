using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A guest importing the plain WASI 0.2 functions as a wasm32-wasip2 main module does
/// (tests/guests/wasip2.c), through a generated host whose world imports none of them: the guest
/// check accepts them and the runtime serves them.
/// </summary>
public class Wasip2BindingsTests : IClassFixture<Wasip2Guest>
{
    private readonly TestGuest _guest;

    public Wasip2BindingsTests(Wasip2Guest guest) => _guest = guest;

    /// <summary>The same tests on another form of the guest (its component file).</summary>
    protected Wasip2BindingsTests(TestGuest guest) => _guest = guest;

    private Wasip2Host.Guest Instantiate(WasiOptions? wasi = null) =>
        Wasip2Host.Instantiate(_guest.Module, new Wasip2Host.Imports(), new InstanceOptions { Wasi = wasi });

    [Fact]
    public void The_guest_matches_a_world_that_imports_no_wasi()
        => Assert.Empty(Wasip2Host.Validate(_guest.Module));

    [Fact]
    public void Randomness_and_the_monotonic_clock_reach_the_guest()
    {
        using var guest = Instantiate();

        uint area = guest.RandomBytes(24);
        var memory = guest.Instance.Memory;
        uint length = memory.ReadUInt32(area + 4);
        long before = (long)guest.MonotonicNow();
        Thread.Sleep(10);
        long after = (long)guest.MonotonicNow();

        Assert.Equal(24u, length);
        Assert.NotEqual(guest.RandomU64(), guest.RandomU64());
        Assert.NotEqual(guest.InsecureRandomU64(), guest.InsecureRandomU64());
        Assert.True(after - before >= 5_000_000, $"the monotonic clock moved {after - before} ns in 10 ms");
    }

    [Fact]
    public void The_arguments_are_the_instances_wasi_options()
    {
        using var guest = Instantiate(new WasiOptions { Arguments = ["guest", "one"] });

        uint area = guest.Arguments();
        var memory = guest.Instance.Memory;
        uint strings = memory.ReadUInt32(area);
        var arguments = new List<string>();
        for (uint i = 0; i < memory.ReadUInt32(area + 4); i++)
        {
            uint at = strings + i * 8;
            arguments.Add(System.Text.Encoding.UTF8.GetString(memory.Slice(memory.ReadUInt32(at), memory.ReadUInt32(at + 4))));
        }

        Assert.Equal(["guest", "one"], arguments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Exit_returns_from_the_export_and_its_status_reaches_the_host(int isError)
    {
        using var guest = Instantiate();

        guest.Exit(isError);
        int? exitStatus = guest.Instance.ExitStatus;
        guest.ExitWithCode(40 + isError);
        int? exitWithCodeStatus = guest.Instance.ExitStatus;
        guest.ProcExit(3 + isError);
        int? procExitStatus = guest.Instance.ExitStatus;

        Assert.Equal(isError, exitStatus);
        Assert.Equal(40 + isError, exitWithCodeStatus);
        Assert.Equal(3 + isError, procExitStatus);
        Assert.Equal(0, guest.RanAfterExit());
        Assert.Null(guest.Instance.ExitStatus);
    }
}
