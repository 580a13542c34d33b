using WitHost.CrossCheck.Tests;
using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Model;

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
    public void An_exit_ends_the_export_call_with_the_guests_status_and_the_instance_goes_on(int isError)
    {
        using var guest = Instantiate();

        var exited = Assert.Throws<WasmExitException>(() => guest.Exit(isError));
        var exitedWithCode = Assert.Throws<WasmExitException>(() => guest.ExitWithCode(40 + isError));
        var procExited = Assert.Throws<WasmExitException>(() => guest.ProcExit(3 + isError));

        Assert.Equal((isError, "exit"), (exited.Status, exited.ExportName));
        Assert.Equal(40 + isError, exitedWithCode.Status);
        Assert.Equal(3 + isError, procExited.Status);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(0, guest.RanAfterExit());
        Assert.Null(guest.Instance.ExitStatus);
    }

    [Fact]
    public void An_exit_in_an_export_returning_a_string_lifts_nothing_and_frees_nothing()
    {
        using var guest = Instantiate();

        var exited = Assert.Throws<WasmExitException>(() => guest.ExitString(1));

        Assert.Equal(1, exited.Status);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(1, guest.Instance.ExitStatus);
        Assert.Equal(0, guest.PostReturns());
        Assert.Equal(0, guest.RanAfterExit());
    }

    [Fact]
    public void A_dynamic_call_of_an_export_that_exits_throws_the_status_and_the_instance_goes_on()
    {
        using var guest = Instantiate();
        var exitString = WorldFunction("exit-string");

        var exited = Assert.Throws<WasmExitException>(() => DynamicExportCall.Invoke(guest.Instance, "exit-string", exitString, [new WitIntegerValue(1)]));
        var exitedOk = Assert.Throws<WasmExitException>(() => DynamicExportCall.Invoke(guest.Instance, "exit-string", exitString, [new WitIntegerValue(0)]));

        Assert.Equal((1, "exit-string"), (exited.Status, exited.ExportName));
        Assert.Equal(0, exitedOk.Status);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(new WitIntegerValue(0), DynamicExportCall.Invoke(guest.Instance, "post-returns", WorldFunction("post-returns"), []));
    }

    private static WitFunction WorldFunction(string name)
    {
        var resolution = WitResolver.ResolvePath(JcoOracle.InRepo("tests", "WitHost.Bindings.Tests", "wit", "wasip2.wit"));
        return resolution.Root!.FindWorld("wasip2")!.Exports.OfType<WitWorldFunctionItem>().Single(item => item.Name == name).Function;
    }
}
