using System.Diagnostics;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr;
using WitHost.Wamr.Diagnostics;
using WitHost.Wamr.Tests;

namespace WitHost.Bindings.Tests;

/// <summary>Generated calls report to the runtime's telemetry, and cost nothing while nobody listens.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryBindingsTests : IDisposable
{
    private readonly string _moduleName = "telemetry-" + Guid.NewGuid().ToString("n");
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;
    private readonly RecordingHost _host = new();

    public TelemetryBindingsTests()
    {
        byte[] sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "sample.wasm"));
        _module = _engine.LoadModule(GuestMode.Prepare(sample), new ModuleOptions { Name = _moduleName });
    }

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public void A_generated_call_is_one_span_and_one_call_however_many_core_calls_it_makes()
    {
        using var guest = SampleHost.Instantiate(_module, _host.Imports);
        using var recorder = new TelemetryRecorder(_moduleName);

        Assert.True(guest.Booleans.And(true, true));
        // Lowering the string calls cabi_realloc, and the guest frees its result in a post-return.
        Assert.Equal("cba", guest.Strings.Reverse("abc"));

        Assert.Collection(recorder.Activities,
            and => Assert.Equal("example:sample/booleans#and", and.DisplayName),
            reverse => Assert.Equal("example:sample/strings#reverse", reverse.DisplayName));
        Assert.All(recorder.Activities, span => Assert.Equal("ok", span.GetTagItem(WamrTelemetry.OutcomeTag)));
        Assert.Equal(
            ["example:sample/booleans#and", "example:sample/strings#reverse"],
            recorder.Of("withost.wamr.calls").Select(m => (string?)m[WamrTelemetry.FunctionTag]));
        Assert.Equal(2, recorder.Of("withost.wamr.call.duration").Count);
    }

    [Fact]
    public void A_generated_instantiation_is_a_span()
    {
        using var recorder = new TelemetryRecorder(_moduleName);
        using var guest = SampleHost.Instantiate(_module, _host.Imports);

        Activity instantiation = Assert.Single(recorder.Activities, a => a.DisplayName == "instantiate " + _moduleName);
        // Spans the instantiation contains (the guest's _initialize) are its children.
        Assert.All(recorder.Activities.Where(a => a != instantiation), a => Assert.Same(instantiation, a.Parent));
        Assert.Equal("ok", Assert.Single(recorder.Of("withost.wamr.instantiations"))[WamrTelemetry.OutcomeTag]);
    }

    [Fact]
    public void A_generated_scalar_call_allocates_nothing_without_a_listener()
    {
        using var guest = SampleHost.Instantiate(_module, _host.Imports);

        Assert.Equal(0, AllocatedByCalls(guest));

        using var recorder = new TelemetryRecorder(_moduleName);
        Assert.True(AllocatedByCalls(guest) > 0);
    }

    private static long AllocatedByCalls(SampleHost.Guest guest)
    {
        for (int i = 0; i < 100; i++)
        {
            guest.Booleans.And(true, (i & 1) == 0);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            guest.Booleans.And(true, (i & 1) == 0);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
