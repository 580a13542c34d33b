using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>One engine and the sample guest's module for a test class; each test makes its own instance.</summary>
public sealed class SampleGuest : IDisposable
{
    private readonly WamrEngine _engine = new();

    public SampleGuest() => Module = _engine.LoadModule(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "sample.wasm")));

    public WamrModule Module { get; }

    public void Dispose()
    {
        Module.Dispose();
        _engine.Dispose();
    }
}
