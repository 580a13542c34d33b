using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Async;

namespace WitHost.Async.Tests;

/// <summary>
/// A guest that exits inside an async export (tests/guests/async-exit.wat): the call's task fails
/// with the exit, as a synchronous export's call throws it, and the instance goes on.
/// </summary>
public sealed class AsyncExitTests
{
    private const string Jobs = "example:exits/jobs#";
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("exit-at-once", 1)]
    [InlineData("exit-later", 1)]
    [InlineData("exit-later", 0)]
    public async Task An_exit_in_an_async_export_fails_its_task_with_the_status_and_the_instance_goes_on(string export, int status)
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestMode.Prepare(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "async-exit.wasm"))));
        using var instance = module.Instantiate(AsyncBuiltins.AddTo(new()));

        var exited = await Assert.ThrowsAsync<WasmExitException>(() =>
            AsyncExportCall.InvokeAsync(instance, Jobs + export, [WasmValue.FromInt32(status)], call => call.GetUInt32(0)).WaitAsync(s_patience));

        Assert.Equal((status, Jobs + export), (exited.Status, exited.ExportName));
        Assert.False(instance.IsFaulted);
        Assert.Equal(42u, await AsyncExportCall.InvokeAsync(instance, Jobs + "answer", [], call => call.GetUInt32(0)).WaitAsync(s_patience));
    }
}
