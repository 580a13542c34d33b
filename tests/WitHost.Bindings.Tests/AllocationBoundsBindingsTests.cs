using Test.Hostile;
using Test.Hostile.Tokens;
using WitHost.Wamr;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// What a guest can make the host allocate is bounded (tests/guests/hostile.wasm): strings that
/// all point at one block count once per string against the call's lift budget, and handles the
/// guest never drops count against their table's limit. Past either, the call traps and the
/// instance is faulted; it never ends in <see cref="OutOfMemoryException"/>.
/// </summary>
public sealed class AllocationBoundsBindingsTests : IClassFixture<HostileGuest>
{
    private const uint ThreeMiB = 3u << 20;

    private readonly HostileGuest _guest;

    public AllocationBoundsBindingsTests(HostileGuest guest) => _guest = guest;

    [Fact]
    public void Strings_sharing_one_block_trap_past_the_lift_budget()
    {
        // 1,000,000 strings of 3 MiB: 6 TB of host strings from 11 MiB of guest memory. The
        // default budget (64 MiB) stops it at the eleventh string.
        using var guest = Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => guest.SameBlockStrings(1_000_000, ThreeMiB));
        Assert.Contains("InstanceOptions.MaxLiftBytes", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_guest_passing_such_strings_to_an_import_traps_too()
    {
        var host = new Host();
        using var guest = Instantiate(host);
        var trap = Assert.Throws<WasmTrapException>(() => guest.SendSameBlockStrings(1_000_000, ThreeMiB));
        Assert.Contains("InstanceOptions.MaxLiftBytes", trap.ToString(), StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
        Assert.Equal(0, host.StringsTaken);
    }

    [Fact]
    public void The_budget_is_per_call_and_values_within_it_lift()
    {
        // 10 strings of 3 MiB: 60 MiB of host strings, just within 64 MiB; twice in a row, since
        // each call has its own budget.
        using var guest = Instantiate();
        for (int call = 0; call < 2; call++)
        {
            string[] strings = guest.SameBlockStrings(10, ThreeMiB);
            Assert.Equal(10, strings.Length);
            Assert.All(strings, s => Assert.Equal((int)ThreeMiB, s.Length));
        }
        Assert.Throws<WasmTrapException>(() => guest.SameBlockStrings(11, ThreeMiB));
    }

    [Fact]
    public void The_budget_is_an_instance_option()
    {
        using var small = Instantiate(options: new InstanceOptions { MaxLiftBytes = 900 });
        // Ten strings of 40 bytes: 800 bytes of host strings and 80 of list (8 a slot); eleven take 968.
        Assert.Equal(10, small.SameBlockStrings(10, 40).Length);
        Assert.Throws<WasmTrapException>(() => small.SameBlockStrings(11, 40));

        using var large = Instantiate(options: new InstanceOptions { MaxLiftBytes = 200ul << 20 });
        Assert.Equal(30, large.SameBlockStrings(30, ThreeMiB).Length);
    }

    [Fact]
    public void The_dynamic_path_keeps_the_same_budget()
    {
        using var guest = Instantiate();
        var owner = new WitOwner(WitOwnerKind.World, new WitPackageName("test", "hostile", null), "hostile", null);
        var function = new WitFunction(
            "same-block-strings",
            WitFunctionKind.Freestanding,
            EquatableArray.Create(new WitParameter("count", WitPrimitiveType.U32), new WitParameter("block-len", WitPrimitiveType.U32)),
            new WitListType(WitPrimitiveType.String),
            false,
            null,
            owner,
            null,
            WitStability.Unknown);
        var trap = Assert.Throws<WasmTrapException>(() => DynamicExportCall.Invoke(
            guest.Instance, "same-block-strings", function, [new WitIntegerValue(1_000_000), new WitIntegerValue(ThreeMiB)]));
        Assert.Contains("InstanceOptions.MaxLiftBytes", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void Handles_the_guest_never_drops_trap_at_the_table_limit()
    {
        var host = new Host();
        using var guest = Instantiate(host);
        // Up to the limit every constructor call succeeds.
        Assert.Equal((uint)HandleLimits.DefaultMaxHandles, guest.HoardTokens((uint)HandleLimits.DefaultMaxHandles));
        var trap = Assert.Throws<WasmTrapException>(() => guest.HoardTokens(1));
        Assert.Contains("the most it may", trap.ToString(), StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void The_handle_limit_is_an_instance_option()
    {
        using var guest = Instantiate(options: new InstanceOptions { MaxHandlesPerTable = 10 });
        Assert.Equal(10u, guest.HoardTokens(10));
        Assert.Throws<WasmTrapException>(() => guest.HoardTokens(1));
        Assert.True(guest.Instance.IsFaulted);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InstanceOptions { MaxHandlesPerTable = 0 });
    }

    private HostileHost.Guest Instantiate(Host? host = null, InstanceOptions? options = null)
    {
        host ??= new Host();
        return HostileHost.Instantiate(_guest.Module, new HostileHost.Imports { Tokens = host, Hostile = host }, options);
    }

    private sealed class Host : ITokens, IHostileImports
    {
        public int StringsTaken { get; private set; }

        public IToken CreateToken() => new Token();

        public void TakeStrings(string[] strings) => StringsTaken += strings.Length;
    }

    private sealed class Token : IToken;
}
