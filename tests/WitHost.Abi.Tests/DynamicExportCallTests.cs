using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;

namespace WitHost.Abi.Tests;

/// <summary><see cref="DynamicExportCall"/> on the abi-call guest running on WAMR.</summary>
public sealed class DynamicExportCallTests
{
    [Fact]
    public void LiftingReadsTheMemoryAfterTheGuestGrewIt()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate();
        var before = instance.Memory.Length;

        var result = DynamicExportCall.Invoke(instance, "fill", AbiCallGuest.Export("fill"), [new WitIntegerValue(300_000), new WitIntegerValue(7)]);

        Assert.True(instance.Memory.Length > before + 200_000, $"memory {before} -> {instance.Memory.Length}");
        var list = Assert.IsType<WitListValue>(result);
        Assert.Equal(300_000, list.Elements.Length);
        Assert.All(list.Elements, element => Assert.Equal(new WitIntegerValue(7), element));
    }

    [Fact]
    public void EveryCallWithAPostReturnFunctionCallsIt()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate();

        Assert.Equal(new WitStringValue("cba"), DynamicExportCall.Invoke(instance, "reverse", AbiCallGuest.Export("reverse"), [new WitStringValue("abc")]));
        Assert.Equal(new WitStringValue(""), DynamicExportCall.Invoke(instance, "reverse", AbiCallGuest.Export("reverse"), [new WitStringValue("")]));
        Assert.Equal(new WitIntegerValue(3), DynamicExportCall.Invoke(instance, "sum", AbiCallGuest.Export("sum"), [new WitListValue([new WitIntegerValue(1), new WitIntegerValue(2)])]));

        // sum has no cabi_post_sum; post-calls has none either, so only the two reverses count.
        Assert.Equal(new WitIntegerValue(2), DynamicExportCall.Invoke(instance, "post-calls", AbiCallGuest.Export("post-calls"), []));
    }

    [Fact]
    public void ATrapWhileLiftingFaultsTheInstance()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate();

        var trap = Assert.Throws<WasmTrapException>(() => DynamicExportCall.Invoke(instance, "bad-char", AbiCallGuest.Export("bad-char"), []));

        Assert.Equal("bad-char", trap.FunctionName);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public void AnExportWhoseCoreTypeDoesNotMatchItsWitFunctionIsRefused()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate();

        var error = Assert.Throws<WamrException>(() => DynamicExportCall.Invoke(instance, "sum", AbiCallGuest.Export("reverse"), [new WitStringValue("x")]));

        Assert.Contains("core type", error.Message);
    }

    [Fact]
    public void AMissingExportIsRefusedByName()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate();

        var error = Assert.Throws<WamrException>(() => DynamicExportCall.Invoke(instance, "no-such-export", AbiCallGuest.Export("sum"), []));

        Assert.Contains("does not export 'no-such-export'", error.Message);
    }
}
