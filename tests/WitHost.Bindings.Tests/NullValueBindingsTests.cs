using Example.Resources;
using Example.Resources.Store;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A null where the WIT type has no option is an error that names the function and the parameter
/// or result, never a <see cref="NullReferenceException"/>: from the caller of an export, an
/// <see cref="ArgumentNullException"/> for the parameter holding it; from a host implementation of
/// an import, a trap whose cause names the import.
/// </summary>
public sealed class NullValueBindingsTests : IClassFixture<SampleGuest>, IClassFixture<ResourcesGuest>
{
    private readonly SampleGuest _sample;
    private readonly ResourcesGuest _resources;

    public NullValueBindingsTests(SampleGuest sample, ResourcesGuest resources)
    {
        _sample = sample;
        _resources = resources;
    }

    [Fact]
    public void A_host_implementation_returning_a_null_string_traps_naming_the_import()
    {
        var host = new RecordingHost { Name = null! };
        using var guest = SampleHost.Instantiate(_sample.Module, host.Imports);
        var trap = Assert.Throws<WasmTrapException>(() => guest.GreetHost());
        var cause = Assert.IsType<InvalidOperationException>(trap.InnerException);
        Assert.Contains("host-name returned null", cause.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_host_constructor_returning_null_traps_naming_the_import()
    {
        using var guest = ResourcesHost.Instantiate(_resources.Module, new ResourcesHost.Imports { Store = new NullStore() });
        var trap = Assert.Throws<WasmTrapException>(() => guest.Counters.MakeBlob("x"));
        var cause = Assert.IsType<InvalidOperationException>(trap.InnerException);
        Assert.Contains("example:resources/store#[constructor]blob returned null", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_inside_an_argument_is_an_ArgumentNullException_for_that_parameter()
    {
        using var guest = ResourcesHost.Instantiate(_resources.Module, new ResourcesHost.Imports { Store = new ResourcesBindingsTests.BlobStore() });
        var thrown = Assert.Throws<ArgumentNullException>(() => guest.Counters.MakeMany(["a", null!], 1));
        Assert.Equal("names", thrown.ParamName);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(0u, guest.Counters.LiveCounters());
    }

    private sealed class NullStore : IStore
    {
        public IBlob CreateBlob(byte[] init) => null!;

        public IBlob BlobConcat(IBlob a, IBlob b) => null!;
    }
}
