using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary><see cref="DynamicExportCall"/> on the abi-call guest running on WAMR.</summary>
public sealed class DynamicExportCallTests
{
    private static readonly WitWorld World = LoadWorld();

    [Fact]
    public void LiftingReadsTheMemoryAfterTheGuestGrewIt()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(RepositoryPaths.Under("tests/guests/abi-call.wasm"));
        using var instance = module.Instantiate();
        var before = instance.Memory.Length;

        var result = DynamicExportCall.Invoke(instance, "fill", Export("fill"), [new WitIntegerValue(300_000), new WitIntegerValue(7)]);

        Assert.True(instance.Memory.Length > before + 200_000, $"memory {before} -> {instance.Memory.Length}");
        var list = Assert.IsType<WitListValue>(result);
        Assert.Equal(300_000, list.Elements.Length);
        Assert.All(list.Elements, element => Assert.Equal(new WitIntegerValue(7), element));
    }

    [Fact]
    public void EveryCallWithAPostReturnFunctionCallsIt()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(RepositoryPaths.Under("tests/guests/abi-call.wasm"));
        using var instance = module.Instantiate();

        Assert.Equal(new WitStringValue("cba"), DynamicExportCall.Invoke(instance, "reverse", Export("reverse"), [new WitStringValue("abc")]));
        Assert.Equal(new WitStringValue(""), DynamicExportCall.Invoke(instance, "reverse", Export("reverse"), [new WitStringValue("")]));
        Assert.Equal(new WitIntegerValue(3), DynamicExportCall.Invoke(instance, "sum", Export("sum"), [new WitListValue([new WitIntegerValue(1), new WitIntegerValue(2)])]));

        // sum has no cabi_post_sum; post-calls has none either, so only the two reverses count.
        Assert.Equal(new WitIntegerValue(2), DynamicExportCall.Invoke(instance, "post-calls", Export("post-calls"), []));
    }

    [Fact]
    public void ATrapWhileLiftingFaultsTheInstance()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(RepositoryPaths.Under("tests/guests/abi-call.wasm"));
        using var instance = module.Instantiate();

        var trap = Assert.Throws<WasmTrapException>(() => DynamicExportCall.Invoke(instance, "bad-char", Export("bad-char"), []));

        Assert.Equal("bad-char", trap.FunctionName);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public void AnExportWhoseCoreTypeDoesNotMatchItsWitFunctionIsRefused()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(RepositoryPaths.Under("tests/guests/abi-call.wasm"));
        using var instance = module.Instantiate();

        var error = Assert.Throws<WamrException>(() => DynamicExportCall.Invoke(instance, "sum", Export("reverse"), [new WitStringValue("x")]));

        Assert.Contains("core type", error.Message);
    }

    private static WitFunction Export(string name)
        => World.Exports.OfType<WitWorldFunctionItem>().Single(item => item.Name == name).Function;

    private static WitWorld LoadWorld()
    {
        var resolution = WitResolver.ResolvePath(RepositoryPaths.Under("wit/abi-call.wit"));
        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics));
        return resolution.Root!.FindWorld("abi-call")!;
    }
}
