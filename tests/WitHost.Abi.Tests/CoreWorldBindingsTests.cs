using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wit.Abi;

namespace WitHost.Abi.Tests;

/// <summary>The core names and signatures of a world, checked against a guest written for it by hand.</summary>
public sealed class CoreWorldBindingsTests
{
    private static CoreWorldBindings Bindings()
    {
        return CoreWorldBindings.For(AbiCallGuest.World);
    }

    [Fact]
    public void NamesAndSignaturesFollowTheCanonicalAbi()
    {
        var bindings = Bindings();

        Assert.Equal([new CoreImportName("$root", "log"), new CoreImportName("$root", "host-name")], bindings.Imports.Select(i => i.CoreName));
        Assert.Equal("(param i32 i32) (result)", bindings.Imports[0].Signature.ToString());
        Assert.Equal("(param i32) (result)", bindings.Imports[1].Signature.ToString());
        Assert.True(bindings.Imports[1].Signature.ResultsInMemory);

        var exports = bindings.Exports.ToDictionary(e => e.CoreName, e => e.Signature.ToString());
        Assert.Equal("(param i32 i32 i32 i32) (result i32)", exports["test:abi-call/shapes#join"]);
        Assert.Equal("(param i32 i64 i32) (result i32)", exports["test:abi-call/shapes#area"]);
        Assert.Equal("(param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)", exports["test:abi-call/shapes#describe"]);
        Assert.Equal("(param i32 i32) (result i64)", exports["sum"]);
        Assert.Equal("(param i32) (result i32)", exports["concat9"]);
        Assert.Equal("(param) (result i32)", exports["bad-char"]);
        Assert.Equal("cabi_post_test:abi-call/shapes#join", bindings.Exports.Single(e => e.Function.Name == "join").PostReturnName);
    }

    [Fact]
    public void TheHandWrittenGuestHasEveryCoreFunctionWithThatType()
    {
        var bindings = Bindings();
        var bytes = File.ReadAllBytes(AbiCallGuest.WasmPath);
        var info = WamrEngine.Inspect(bytes);
        foreach (var import in bindings.Imports)
        {
            var core = Assert.Single(info.FunctionImports, i => i.Module == import.CoreName.Module && i.Name == import.CoreName.Name);
            Assert.Equal(CoreFunctionTypes.From(import.Signature).ToString(), core.Type.ToString());
        }

        using var engine = new WamrEngine();
        using var module = engine.LoadModule(bytes);
        using var instance = module.Instantiate();
        foreach (var export in bindings.Exports)
        {
            var function = instance.TryGetFunction(export.CoreName);
            Assert.True(function is not null, $"the guest does not export {export.CoreName}");
            Assert.Equal(CoreFunctionTypes.From(export.Signature).ToString(), function.Type.ToString());
        }
    }
}
