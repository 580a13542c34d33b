using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Tests;

public sealed class HostImportTests : IDisposable
{
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;

    public HostImportTests()
    {
        _module = _engine.LoadModule(CoreGuest.Loadable);
    }

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public void Each_instance_reaches_its_own_host_functions()
    {
        using var plain = _module.Instantiate(CoreGuest.DefaultImports(addOffset: 0));
        using var offset = _module.Instantiate(CoreGuest.DefaultImports(addOffset: 1000));
        Assert.Equal(50, plain.Invoke("call-host-add", 2, 3)[0].AsInt32());
        Assert.Equal(10050, offset.Invoke("call-host-add", 2, 3)[0].AsInt32());
        Assert.Equal(50, plain.Invoke("call-host-add", 2, 3)[0].AsInt32());
    }

    [Fact]
    public void A_host_function_sees_the_calling_instance_and_its_host_state()
    {
        var seen = new List<object?>();
        var imports = new HostImports().Define(CoreGuest.HostModule, "add", call =>
        {
            seen.Add(call.Instance.HostState);
            call.SetResult(0);
        });
        using var first = _module.Instantiate(imports, new InstanceOptions { HostState = "first" });
        using var second = _module.Instantiate(imports, new InstanceOptions { HostState = "second" });
        second.Invoke("call-host-add", 0, 0);
        first.Invoke("call-host-add", 0, 0);
        Assert.Equal(["second", "first"], seen);
    }

    [Fact]
    public void I64_and_float_arguments_cross_both_ways_exactly()
    {
        using var instance = _module.Instantiate(CoreGuest.DefaultImports());
        Assert.Equal(long.MinValue + 7, instance.Invoke("call-host-i64", long.MinValue + 7)[0].AsInt64());
        Assert.Equal(1.5 * 0.25f, instance.Invoke("call-host-f64", 1.5, 0.25f)[0].AsDouble());
    }

    [Fact]
    public void A_host_function_may_call_back_into_its_instance()
    {
        uint allocated = 0;
        var imports = new HostImports().Define(CoreGuest.HostModule, "add", call =>
        {
            allocated = call.Instance.Realloc(0, 0, 4, 64);
            call.Instance.Memory.WriteUInt32(allocated, 42);
            call.SetResult((int)call.Instance.Memory.ReadUInt32(allocated));
        });
        using var instance = _module.Instantiate(imports);
        Assert.Equal(420, instance.Invoke("call-host-add", 0, 0)[0].AsInt32());
        Assert.NotEqual(0u, allocated);
    }

    [Fact]
    public void A_guest_to_host_round_trip_allocates_nothing()
    {
        using var instance = _module.Instantiate(CoreGuest.DefaultImports());
        WamrFunction callHost = instance.GetFunction("call-host-add");
        Span<uint> cells = stackalloc uint[2];
        for (int i = 0; i < 100; i++)
        {
            cells[0] = 1; cells[1] = 2;
            callHost.InvokeCells(cells);
        }
        // Measured on this thread only. An allocation in the call path shows in every
        // measurement; a one-off that is not the calls' (seen on loaded machines) shows in one, so
        // the least of up to three measurements counts.
        long allocated = long.MaxValue;
        for (int attempt = 0; attempt < 3 && allocated != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                cells[0] = (uint)i; cells[1] = 2;
                callHost.InvokeCells(cells);
            }
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, allocated);
        Assert.Equal((9_999 + 2) * 10u, cells[0]);
    }

    [Fact]
    public void A_throwing_host_function_traps_the_guest_and_reaches_the_caller_inside()
    {
        using var instance = _module.Instantiate(CoreGuest.DefaultImports());
        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("call-host-fail"));
        Assert.Equal("call-host-fail", trap.FunctionName);
        var inner = Assert.IsType<InvalidOperationException>(trap.InnerException);
        Assert.Equal("the host refuses", inner.Message);
        Assert.Contains("fail", trap.TrapMessage);
    }

    [Fact]
    public void A_wrongly_typed_result_from_a_host_function_is_a_trap_not_a_wrong_value()
    {
        var imports = new HostImports().Define(CoreGuest.HostModule, "add", call => call.SetResult(1L));
        using var instance = _module.Instantiate(imports);
        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("call-host-add", 1, 2));
        Assert.IsType<InvalidOperationException>(trap.InnerException);
    }

    [Fact]
    public void An_import_without_a_host_function_traps_when_called_and_names_it()
    {
        using var instance = _module.Instantiate(CoreGuest.DefaultImports());
        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("call-never-bound"));
        Assert.Contains("never-bound", trap.TrapMessage);
        Assert.Contains(CoreGuest.HostModule, trap.TrapMessage);
    }

    [Fact]
    public void Two_modules_may_import_the_same_names()
    {
        using var otherModule = _engine.LoadModule(CoreGuest.Loadable);
        using var a = _module.Instantiate(CoreGuest.DefaultImports(1));
        using var b = otherModule.Instantiate(CoreGuest.DefaultImports(2));
        Assert.Equal(60, a.Invoke("call-host-add", 2, 3)[0].AsInt32());
        Assert.Equal(70, b.Invoke("call-host-add", 2, 3)[0].AsInt32());
    }
}
