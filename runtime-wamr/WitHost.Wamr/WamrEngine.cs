using WitHost.Wamr.Binary;
using WitHost.Wamr.Native;

namespace WitHost.Wamr;

/// <summary>
/// The entry point of the runtime: it starts WAMR and loads modules.
/// </summary>
/// <remarks>
/// WAMR is one runtime per process. The first engine initialises it
/// (<c>wasm_runtime_full_init</c>); a second engine, on any thread, shares it. The runtime
/// stays up while any engine, module or instance is alive and is torn down with the last one,
/// so disposing an engine never pulls WAMR out from under a live instance. Engines, modules and
/// instances may be used from any thread: each thread gets WAMR's thread environment on first use.
/// </remarks>
public sealed class WamrEngine : IDisposable
{
    private int _disposed;

    public WamrEngine()
    {
        WamrRuntime.AddReference();
    }

    /// <summary>
    /// An explicit libiwasm to load instead of the one shipped with the runtime (for example a
    /// newer WAMR). Set it before the first engine is created. The environment variable
    /// <c>WITHOST_LIBIWASM_PATH</c> does the same.
    /// </summary>
    public static string? LibraryPath { get; set; }

    /// <summary>Loads a core wasm module from its bytes (they are copied).</summary>
    /// <exception cref="WasmModuleLoadException">The bytes are not a module WAMR accepts; the message is WAMR's.</exception>
    public WamrModule LoadModule(ReadOnlySpan<byte> bytes, ModuleOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return WamrModule.Load(bytes, options ?? ModuleOptions.Default);
    }

    /// <summary>Loads a core wasm module from a file.</summary>
    public WamrModule LoadModule(string path, ModuleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadModule(File.ReadAllBytes(path), options);
    }

    /// <summary>Reads what a module imports and exports, without loading it into WAMR.</summary>
    /// <exception cref="FormatException">The bytes are not a readable core module.</exception>
    public static WasmModuleInfo Inspect(ReadOnlySpan<byte> bytes) => WasmModuleReader.Read(bytes);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            WamrRuntime.Release();
        }
    }
}
