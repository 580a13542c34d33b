namespace WitHost.Wamr.Tests;

/// <summary>
/// A guest that exits (WASI preview1's <c>proc_exit</c>) while it is being instantiated, in its
/// start function or its <c>_initialize</c>: there is no instance to call, so instantiation fails
/// with a <see cref="WasmInstantiationException"/> that says the guest exited and with which
/// status, the exit itself its inner <see cref="WasmExitException"/>.
/// </summary>
public sealed class WasiExitDuringInstantiationTests
{
    [Fact]
    public void An_exit_in_the_start_function_fails_instantiation_with_the_status()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestFiles.Loadable("start-exit.wasm"));

        var failure = Assert.Throws<WasmInstantiationException>(() => module.Instantiate());

        Assert.Equal("The guest exited with status 3 in its start function.", failure.Message);
        var exit = Assert.IsType<WasmExitException>(failure.InnerException);
        Assert.Equal(3, exit.Status);
    }

    [Fact]
    public void An_exit_in_initialize_fails_instantiation_with_the_status()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestFiles.Loadable("initialize-exit.wasm"));

        var failure = Assert.Throws<WasmInstantiationException>(() => module.Instantiate());

        Assert.Equal("The guest exited with status 4 in its _initialize.", failure.Message);
        var exit = Assert.IsType<WasmExitException>(failure.InnerException);
        Assert.Equal(4, exit.Status);
        Assert.Equal("_initialize", exit.ExportName);
    }

    [Fact]
    public void The_module_instantiates_again_after_an_exit_in_its_start_function()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestFiles.Loadable("start-exit.wasm"));

        Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
        var again = Assert.Throws<WasmInstantiationException>(() => module.Instantiate());

        Assert.IsType<WasmExitException>(again.InnerException);
    }
}
