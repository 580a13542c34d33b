using System.Runtime.InteropServices;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Native;

namespace WitHost.Wamr.Tests;

/// <summary>
/// A libiwasm without WitHost's interrupt functions (a user's own WAMR build) makes deadlines
/// and cancellation fail with a message instead of silently never stopping the guest.
/// </summary>
/// <remarks>The binding is process-wide, so this class runs alone, not beside other tests.</remarks>
[Collection(nameof(ForeignLibIwasmTests))]
public sealed class ForeignLibIwasmTests
{
    [Fact]
    public void A_libiwasm_without_the_interrupt_functions_makes_deadlines_fail_clearly()
    {
        using var engine = new WamrEngine();
        using WamrModule module = engine.LoadModule(GuestFiles.Loadable("runaway.wasm"));
        HostImports imports = new HostImports().Define("test:runaway/host", "tick", _ => { });
        using WamrInstance instance = module.Instantiate(imports);

        // Any native library lacking withost_interrupt stands in for a foreign libiwasm.
        nint libm = NativeLibrary.Load("libm.so.6");
        using (WamrInterrupt.BindForTesting(libm))
        {
            var refused = Assert.Throws<NotSupportedException>(() => instance.Deadline(TimeSpan.FromSeconds(1)));
            Assert.Contains("withost_interrupt", refused.Message);
            Assert.Throws<NotSupportedException>(() => instance.Cancellation(CancellationToken.None));
            Assert.Throws<NotSupportedException>(() => module.Instantiate(imports, new InstanceOptions { CallTimeout = TimeSpan.FromSeconds(1) }));
            // Plain calls still work.
            Assert.Equal(RunawayGuestTests.ExpectedCount(2, 3), instance.Invoke("count", 2u, 3u)[0].AsUInt32());
        }
    }
}
