namespace WitHost.Wamr.Tests;

public sealed class EngineTests
{
    [Fact]
    public void Two_engines_share_the_runtime_and_either_can_be_disposed_first()
    {
        using var first = new WamrEngine();
        var second = new WamrEngine();
        using var module = second.LoadModule(CoreGuest.Loadable);
        second.Dispose();

        // The module keeps the runtime alive after its engine is gone.
        using var instance = module.Instantiate();
        Assert.Equal(5, instance.Invoke("add-i32", 2, 3)[0].AsInt32());
    }

    [Fact]
    public void Disposing_an_engine_twice_is_harmless_and_a_disposed_engine_refuses_to_load()
    {
        var engine = new WamrEngine();
        engine.Dispose();
        engine.Dispose();
        Assert.Throws<ObjectDisposedException>(() => engine.LoadModule(CoreGuest.Loadable));
    }

    [Fact]
    public void A_new_engine_after_all_were_disposed_starts_the_runtime_again()
    {
        for (int round = 0; round < 3; round++)
        {
            using var engine = new WamrEngine();
            using var module = engine.LoadModule(CoreGuest.Loadable);
            using var instance = module.Instantiate(CoreGuest.DefaultImports());
            Assert.Equal(50, instance.Invoke("call-host-add", 2, 3)[0].AsInt32());
        }
    }
}
