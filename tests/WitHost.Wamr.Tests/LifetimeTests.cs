namespace WitHost.Wamr.Tests;

public sealed class LifetimeTests
{
    [Fact]
    public void Disposing_an_instance_twice_is_harmless_and_later_use_is_refused()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        var instance = module.Instantiate();
        WamrFunction add = instance.GetFunction("add-i32");
        instance.Dispose();
        instance.Dispose();
        Assert.Throws<ObjectDisposedException>(() => add.Invoke(1, 2));
        Assert.Throws<ObjectDisposedException>(() => instance.Memory.Length);
    }

    [Fact]
    public void An_instance_cannot_dispose_itself_from_a_host_function()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        var imports = new Hosting.HostImports().Define(CoreGuest.HostModule, "add", call =>
        {
            call.Instance.Dispose();
            call.SetResult(0);
        });
        using var instance = module.Instantiate(imports);
        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("call-host-add", 1, 2));
        Assert.IsType<InvalidOperationException>(trap.InnerException);
    }

    [Fact]
    public void Many_instances_come_and_go()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        for (int i = 0; i < 200; i++)
        {
            using var instance = module.Instantiate(CoreGuest.DefaultImports(i));
            Assert.Equal(10 * (3 + i), instance.Invoke("call-host-add", 1, 2)[0].AsInt32());
        }
    }
}
