namespace WitHost.Wamr.Tests;

public sealed class TrapTests : IDisposable
{
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;

    public TrapTests()
    {
        _module = _engine.LoadModule(CoreGuest.Loadable);
    }

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    [Theory]
    [InlineData("trap-unreachable", "unreachable")]
    [InlineData("trap-out-of-bounds", "out of bounds memory access")]
    public void A_trap_carries_wamrs_message_and_the_export_name(string export, string message)
    {
        using var instance = _module.Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke(export));
        Assert.Equal(export, trap.FunctionName);
        Assert.Contains(message, trap.TrapMessage);
        Assert.Null(trap.InnerException);
    }

    [Fact]
    public void Integer_division_by_zero_traps()
    {
        using var instance = _module.Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("trap-divide-by-zero", 1, 0));
        Assert.Contains("integer divide by zero", trap.TrapMessage);
    }

    [Fact]
    public void Unbounded_recursion_traps_with_a_stack_overflow_and_the_host_lives_on()
    {
        using var instance = _module.Instantiate(options: new InstanceOptions { StackSize = 16 * 1024 });
        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("recurse", 0, int.MaxValue));
        Assert.Contains("stack overflow", trap.TrapMessage);
    }

    [Fact]
    public void Bounded_recursion_within_the_stack_succeeds()
    {
        using var instance = _module.Instantiate();
        Assert.Equal(200, instance.Invoke("recurse", 0, 100)[0].AsInt32());
    }

    [Fact]
    public void After_a_trap_the_instance_is_faulted_and_other_instances_are_not()
    {
        using var faulted = _module.Instantiate();
        using var healthy = _module.Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => faulted.Invoke("trap-unreachable"));

        Assert.True(faulted.IsFaulted);
        var e = Assert.Throws<WasmInstanceFaultedException>(() => faulted.Invoke("add-i32", 1, 2));
        Assert.Same(trap, e.InnerException);
        Assert.True(faulted.Memory.Length > 0);

        Assert.False(healthy.IsFaulted);
        Assert.Equal(3, healthy.Invoke("add-i32", 1, 2)[0].AsInt32());
    }

    [Fact]
    public void A_misbehaving_cabi_realloc_result_is_a_trap()
    {
        using var instance = _module.Instantiate();
        var trap = Assert.Throws<WasmTrapException>(() => instance.Realloc(0, 0, 1, uint.MaxValue - 16));
        Assert.Equal(WamrInstance.ReallocName, trap.FunctionName);
        Assert.True(instance.IsFaulted);
    }
}
