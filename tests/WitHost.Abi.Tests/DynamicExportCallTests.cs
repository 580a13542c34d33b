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
    public void ThreadsSharingAnInstanceEachGetTheirOwnResults()
    {
        // A dynamic call lowers, invokes, lifts and calls post-return: all of it must own the
        // instance, or another thread's call frees or moves what this one is about to read.
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate();
        var reverse = AbiCallGuest.Export("reverse");
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            var random = new Random(thread);
            for (var i = 0; i < 1_500 && failures.IsEmpty; i++)
            {
                var length = i % 50 == 0 ? random.Next(64 << 10, 512 << 10) : random.Next(1, 40);
                var text = new string((char)('a' + thread), length) + i;
                try
                {
                    var result = DynamicExportCall.Invoke(instance, "reverse", reverse, [new WitStringValue(text)]);
                    if (result is not WitStringValue { Value: var value } || value.Length != text.Length || value[^1] != (char)('a' + thread))
                    {
                        failures.Enqueue($"thread {thread} call {i}: a string of {text.Length} chars came back as {(result as WitStringValue)?.Value.Length} chars");
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue($"thread {thread} call {i}: {e.GetType().Name}: {e.Message}");
                }
            }
        });

        Assert.Empty(failures);
        Assert.False(instance.IsFaulted);
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
