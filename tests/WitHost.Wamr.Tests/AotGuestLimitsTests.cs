using System.Diagnostics;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Tests;

/// <summary>
/// A module compiled ahead of time meets the refusals and limits an interpreted one meets, in
/// every test run (not only under WITHOST_TEST_GUEST_MODE=aot): the AOT file is loaded through
/// its own path (<c>WamrModule.LoadCompiled</c>), so each refusal is checked on that path here.
/// </summary>
public sealed class AotGuestLimitsTests : IDisposable
{
    // How long a test waits for a guest that should have been stopped before failing, so that a
    // broken mechanism fails the test instead of hanging the run.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(20);
    private static readonly Lazy<byte[]> s_runaway = new(() => GuestMode.Compile(GuestFiles.Read("runaway.wasm")));

    private readonly WamrEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void An_import_whose_name_has_a_nul_is_refused_by_name()
    {
        // (import "env" "f\00x" (func)): WAMR's compiler takes it, and WAMR would bind the
        // import by C string, as "f".
        byte[] wasm =
        [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
            0x02, 0x0B, 0x01, 0x03, 0x65, 0x6E, 0x76, 0x03, 0x66, 0x00, 0x78, 0x00, 0x00,
        ];
        byte[] compiled = GuestMode.Compile(wasm);

        var e = Assert.Throws<WasmModuleLoadException>(() => _engine.LoadModule(compiled));
        Assert.Contains("'env' 'f\\0x'", e.Message);
        Assert.Contains("NUL", e.Message);
    }

    [Fact]
    public void A_guest_that_needs_stack_switching_is_refused_at_instantiation()
    {
        using WamrModule module = _engine.LoadModule(GuestMode.Compile(GuestFiles.Read("async-stackful.wasm")));
        Assert.True(module.IsAheadOfTimeCompiled);

        var e = Assert.Throws<WasmInstantiationException>(() => module.Instantiate(new HostImports()));
        Assert.Contains("which needs stack switching", e.Message);
        Assert.Contains("is lifted async without a callback", e.Message);
    }

    [Theory]
    [InlineData("spin-forever")]
    [InlineData("spin-with-calls")]
    [InlineData("spin-calling-host")]
    public async Task A_call_timeout_stops_compiled_code_that_never_returns(string export)
    {
        using WamrModule module = _engine.LoadModule(s_runaway.Value);
        // The timeout bounds every call into the instance, _initialize too: on a loaded machine
        // instantiation alone could outlast 50 ms. The guest's exports need nothing _initialize
        // does, so it does not run, and the only call the timeout bounds is the one under test.
        using WamrInstance instance = module.Instantiate(
            new HostImports().Define("test:runaway/host", "tick", _ => { }),
            new InstanceOptions { CallTimeout = TimeSpan.FromMilliseconds(50), RunReactorInitializer = false });

        var timeout = await Stopped<WasmTimeoutException>(() => instance.Invoke(export));
        Assert.Equal(TimeSpan.FromMilliseconds(50), timeout.Timeout);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public async Task Cancellation_stops_compiled_code_that_never_returns()
    {
        using WamrModule module = _engine.LoadModule(s_runaway.Value);
        using WamrInstance instance = module.Instantiate(new HostImports().Define("test:runaway/host", "tick", _ => { }));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Stopped<OperationCanceledException>(() =>
        {
            using CallLimitScope scope = instance.Cancellation(cancellation.Token);
            instance.Invoke("spin-forever");
        });
    }

    /// <summary>Runs <paramref name="call"/> on a thread of its own and returns the exception it
    /// ended with; fails if it has not ended after <see cref="GiveUpAfter"/>.</summary>
    private static async Task<TException> Stopped<TException>(Action call) where TException : Exception
    {
        var clock = Stopwatch.StartNew();
        Task running = Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Task first = await Task.WhenAny(running, Task.Delay(GiveUpAfter));
        Assert.True(first == running, $"the compiled guest was not stopped after {clock.Elapsed}");
        return await Assert.ThrowsAnyAsync<TException>(() => running);
    }
}
