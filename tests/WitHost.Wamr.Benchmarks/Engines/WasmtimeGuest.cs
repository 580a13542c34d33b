namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// A guest on Wasmtime .NET through its core module API (Wasmtime is a benchmark-only
/// dependency, for scale): WASI defined as WAMR defines it for WitHost, the reactor's
/// <c>_initialize</c> run, as <c>WamrModule.Instantiate</c> does.
/// </summary>
internal sealed class WasmtimeGuest : IDisposable
{
    private readonly Wasmtime.Store _store;

    public WasmtimeGuest(Wasmtime.Engine engine, Wasmtime.Module module)
    {
        var linker = new Wasmtime.Linker(engine);
        linker.DefineWasi();
        _store = new Wasmtime.Store(engine);
        _store.SetWasiConfiguration(new Wasmtime.WasiConfiguration());
        Instance = linker.Instantiate(_store, module);
        Instance.GetAction("_initialize")?.Invoke();
        linker.Dispose();
    }

    public Wasmtime.Instance Instance { get; }

    public Wasmtime.Memory Memory => Instance.GetMemory("memory")
        ?? throw new InvalidOperationException("The guest exports no memory.");

    /// <summary>A <c>list&lt;u8&gt;</c> the guest returned: its return area's (pointer, length) and the bytes they name.</summary>
    public byte[] ReadList(int returnArea)
    {
        Wasmtime.Memory memory = Memory;
        int pointer = memory.ReadInt32(returnArea);
        int length = memory.ReadInt32(returnArea + 4);
        return memory.GetSpan(pointer, length).ToArray();
    }

    public void Dispose() => _store.Dispose();
}
