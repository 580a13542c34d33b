using System.Diagnostics;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.Diagnostics;
using WitHost.Wamr.Tests.Untrusted;

namespace WitHost.Wamr.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly string _moduleName = "telemetry-" + Guid.NewGuid().ToString("n");
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;

    public TelemetryTests()
    {
        _module = _engine.LoadModule(CoreGuest.Loadable, new ModuleOptions { Name = _moduleName });
    }

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public void A_module_loaded_from_a_file_is_named_after_it()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "guests", "core.wasm");
        using WamrModule fromFile = _engine.LoadModule(path);
        using WamrModule named = _engine.LoadModule(path, new ModuleOptions { Name = "mine" });
        Assert.Equal("core", fromFile.Name);
        Assert.Equal("mine", named.Name);
        Assert.Equal(_moduleName, _module.Name);
    }

    [Fact]
    public void A_call_is_a_span_and_counted_with_its_duration()
    {
        using var instance = _module.Instantiate(CoreGuest.DefaultImports());
        using var recorder = new TelemetryRecorder(_moduleName);

        Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal("add-i32", span.DisplayName);
        Assert.Equal(WamrTelemetry.Name, span.Source.Name);
        Assert.Equal("add-i32", span.GetTagItem(WamrTelemetry.FunctionTag));
        Assert.Equal("ok", span.GetTagItem(WamrTelemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        RecordedMeasurement call = Assert.Single(recorder.Of("withost.wamr.calls"));
        Assert.Equal(1, call.Value);
        Assert.Equal("{call}", call.Instrument.Unit);
        Assert.Equal("add-i32", call[WamrTelemetry.FunctionTag]);
        Assert.Equal("ok", call[WamrTelemetry.OutcomeTag]);
        RecordedMeasurement duration = Assert.Single(recorder.Of("withost.wamr.call.duration"));
        Assert.Equal("s", duration.Instrument.Unit);
        Assert.InRange(duration.Value, double.Epsilon, span.Duration.TotalSeconds + 1);
        Assert.Empty(recorder.Of("withost.wamr.traps"));
    }

    [Fact]
    public void A_call_a_host_function_makes_back_into_the_guest_is_a_span_inside_the_outer_one()
    {
        WamrInstance? instance = null;
        var imports = CoreGuest.DefaultImports().Define(CoreGuest.HostModule, "add", call =>
            call.SetResult(instance!.Invoke("add-i32", call.GetInt32(0), call.GetInt32(1))[0].AsInt32()));
        instance = _module.Instantiate(imports);
        using var recorder = new TelemetryRecorder(_moduleName);

        Assert.Equal(50, instance.Invoke("call-host-add", 2, 3)[0].AsInt32());
        instance.Dispose();

        Assert.Collection(recorder.Activities,
            inner => Assert.Equal("add-i32", inner.DisplayName),
            outer => Assert.Equal("call-host-add", outer.DisplayName));
        Assert.Same(recorder.Activities[1], recorder.Activities[0].Parent);
        Assert.Equal(2, recorder.Of("withost.wamr.calls").Count);
    }

    [Theory]
    [InlineData("trap-unreachable", "guest", "unreachable")]
    [InlineData("call-host-fail", "host", "the host refuses")]
    public void A_trap_is_an_error_span_and_counted_by_kind(string export, string kind, string message)
    {
        using var instance = _module.Instantiate(CoreGuest.DefaultImports());
        using var recorder = new TelemetryRecorder(_moduleName);

        Assert.Throws<WasmTrapException>(() => instance.Invoke(export));

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal(export, span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Contains(message, span.StatusDescription);
        Assert.Equal("trap", span.GetTagItem(WamrTelemetry.OutcomeTag));
        Assert.Equal(kind, span.GetTagItem(WamrTelemetry.TrapKindTag));
        Assert.Contains(span.Events, e => e.Name == "exception");

        RecordedMeasurement trap = Assert.Single(recorder.Of("withost.wamr.traps"));
        Assert.Equal(kind, trap[WamrTelemetry.TrapKindTag]);
        RecordedMeasurement call = Assert.Single(recorder.Of("withost.wamr.calls"));
        Assert.Equal("trap", call[WamrTelemetry.OutcomeTag]);
        Assert.Equal(kind, call[WamrTelemetry.ErrorTypeTag]);
    }

    [Fact]
    public void A_call_into_a_faulted_instance_is_an_error_not_another_trap()
    {
        using var instance = _module.Instantiate();
        Assert.Throws<WasmTrapException>(() => instance.Invoke("trap-unreachable"));
        using var recorder = new TelemetryRecorder(_moduleName);

        Assert.Throws<WasmInstanceFaultedException>(() => instance.Invoke("add-i32", 1, 2));

        RecordedMeasurement call = Assert.Single(recorder.Of("withost.wamr.calls"));
        Assert.Equal("error", call[WamrTelemetry.OutcomeTag]);
        Assert.Equal(typeof(WasmInstanceFaultedException).FullName, call[WamrTelemetry.ErrorTypeTag]);
        Assert.Empty(recorder.Of("withost.wamr.traps"));
    }

    [Fact]
    public void A_whole_call_is_one_span_that_ends_with_it_and_takes_in_a_trap_found_lifting_results()
    {
        using var instance = _module.Instantiate();
        WamrFunction greeting = instance.GetFunction("make-greeting");
        using var recorder = new TelemetryRecorder(_moduleName);

        // As generated code does: the export, checks of its results, the post-return.
        using (var scope = instance.EnterCall())
        {
            Span<uint> cells = stackalloc uint[1];
            scope.InvokeCells(greeting, cells);
            Assert.Empty(recorder.Activities);
            instance.PostReturn(greeting, cells);
        }
        Activity whole = Assert.Single(recorder.Activities);
        Assert.Equal("make-greeting", whole.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, whole.Status);
        // The post-return is part of the export's call, not a call of its own.
        Assert.Equal("make-greeting", Assert.Single(recorder.Of("withost.wamr.calls"))[WamrTelemetry.FunctionTag]);
        recorder.Clear();

        // Now a check of the results fails after the guest returned.
        using (var scope = instance.EnterCall())
        {
            Span<uint> cells = stackalloc uint[1];
            scope.InvokeCells(greeting, cells);
            _ = BindingSupport.Trap(instance, "make-greeting", "a result the Canonical ABI rejects");
        }

        Activity span = Assert.Single(recorder.Activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("a result the Canonical ABI rejects", span.StatusDescription);
        Assert.Equal("abi", span.GetTagItem(WamrTelemetry.TrapKindTag));
        Assert.Equal("abi", Assert.Single(recorder.Of("withost.wamr.traps"))[WamrTelemetry.TrapKindTag]);
        Assert.Equal("trap", Assert.Single(recorder.Of("withost.wamr.calls"))[WamrTelemetry.OutcomeTag]);
    }

    [Fact]
    public void An_instantiation_is_a_span_and_live_instances_and_their_memory_are_observed()
    {
        using var recorder = new TelemetryRecorder(_moduleName);
        WamrInstance first = _module.Instantiate();
        using WamrInstance second = _module.Instantiate();
        Assert.True(second.Invoke("memory-grow", 1)[0].AsInt32() >= 0);

        Assert.Equal(2, recorder.Activities.Count(a => a.DisplayName == "instantiate " + _moduleName));
        Assert.All(recorder.Of("withost.wamr.instantiations"), m => Assert.Equal("ok", m[WamrTelemetry.OutcomeTag]));
        Assert.Equal(2, recorder.Of("withost.wamr.instantiations").Count);

        recorder.CollectObservables();
        Assert.Equal(2, Assert.Single(recorder.Of("withost.wamr.instances")).Value);
        RecordedMeasurement memory = Assert.Single(recorder.Of("withost.wamr.memory.size"));
        Assert.Equal("By", memory.Instrument.Unit);
        Assert.Equal(first.Memory.Length + second.Memory.Length, memory.Value);

        first.Dispose();
        recorder.Clear();
        recorder.CollectObservables();
        Assert.Equal(1, Assert.Single(recorder.Of("withost.wamr.instances")).Value);
        Assert.Equal(second.Memory.Length, Assert.Single(recorder.Of("withost.wamr.memory.size")).Value);
    }

    [Fact]
    public void A_failed_instantiation_is_an_error_span_and_counted()
    {
        // (module (memory 1) (func (export "_initialize") unreachable))
        byte[] trapsInInitialize = WasmBytes.Module(
            WasmBytes.Section(1, WasmBytes.Vector([0x60, 0x00, 0x00])),
            WasmBytes.Section(3, WasmBytes.Vector([0x00])),
            WasmBytes.Section(5, WasmBytes.Vector([0x00, 0x01])),
            WasmBytes.Section(7, WasmBytes.Vector([.. WasmBytes.Name("_initialize"), 0x00, 0x00])),
            WasmBytes.Section(10, WasmBytes.Vector([0x03, 0x00, 0x00, 0x0B])));
        using WamrModule module = _engine.LoadModule(trapsInInitialize, new ModuleOptions { Name = _moduleName });
        using var recorder = new TelemetryRecorder(_moduleName);

        Assert.Throws<WasmInstantiationException>(() => module.Instantiate());

        Activity instantiation = Assert.Single(recorder.Activities, a => a.DisplayName.StartsWith("instantiate", StringComparison.Ordinal));
        Assert.Equal(ActivityStatusCode.Error, instantiation.Status);
        Assert.Equal("error", Assert.Single(recorder.Of("withost.wamr.instantiations"))[WamrTelemetry.OutcomeTag]);
        // _initialize's trap is a span inside the instantiation's.
        Activity initialize = Assert.Single(recorder.Activities, a => a.DisplayName == "_initialize");
        Assert.Same(instantiation, initialize.Parent);
        recorder.CollectObservables();
        Assert.Empty(recorder.Of("withost.wamr.instances"));
    }

    [Fact]
    public void Without_a_listener_a_call_records_nothing_and_allocates_nothing()
    {
        using var instance = _module.Instantiate();
        WamrFunction add = instance.GetFunction("add-i32");

        Assert.Equal(0, AllocatedByCalls(instance, add));

        // The measurement sees what a listener costs, so the zero above is not for want of seeing.
        using var recorder = new TelemetryRecorder(_moduleName);
        Assert.True(AllocatedByCalls(instance, add) > 0);
        Assert.Equal(200, recorder.Of("withost.wamr.calls").Count);
    }

    private static long AllocatedByCalls(WamrInstance instance, WamrFunction add)
    {
        Span<uint> cells = stackalloc uint[2];
        for (int i = 0; i < 100; i++)
        {
            using var scope = instance.EnterCall();
            cells[0] = 1; cells[1] = 2;
            scope.InvokeCells(add, cells);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            using var scope = instance.EnterCall();
            cells[0] = (uint)i; cells[1] = 2;
            scope.InvokeCells(add, cells);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
