using WitHost.Wamr.Binary;
using WitHost.Wamr.Components;
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
    // The engine's reference to WAMR, given back when the engine is disposed or, if nobody
    // disposes it, finalized.
    private readonly WamrRuntimeShare _runtime = new();
    private int _disposed;

    /// <summary>
    /// An explicit libiwasm to load instead of the one shipped with the runtime (for example a
    /// newer WAMR). Set it before the first engine is created. The environment variable
    /// <c>WITHOST_LIBIWASM_PATH</c> does the same.
    /// </summary>
    public static string? LibraryPath { get; set; }

    /// <summary>
    /// Loads a core wasm module or a component from its bytes (they are copied); the preamble's
    /// layer field tells which. A component runs as its main core module
    /// (<see cref="LoadComponent(byte[], ModuleOptions?)"/>). An AOT file written by
    /// <see cref="Aot.AotCompiler"/> (from a module or a component) runs as native code; one compiled
    /// for another architecture or format version is refused with a message saying so.
    /// </summary>
    /// <exception cref="WasmModuleLoadException">The bytes are not a module WAMR accepts (the message is WAMR's), or not a component WitHost can run (a <see cref="ComponentLoadException"/>).</exception>
    public WamrModule LoadModule(ReadOnlySpan<byte> bytes, ModuleOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        options ??= ModuleOptions.Default;
        return Named(IsComponent(bytes) ? WamrModule.LoadComponent(bytes.ToArray(), options) : WamrModule.Load(bytes, options), options);
    }

    /// <summary>Loads a core wasm module or a component from a file.</summary>
    public WamrModule LoadModule(string path, ModuleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadModule(File.ReadAllBytes(path), NamedAfterFile(path, options));
    }

    /// <summary>
    /// Loads a component binary: WitHost reads the component, finds its main core module and how
    /// each of that module's imports is satisfied, and loads the main module into WAMR, serving
    /// its WASI preview1 imports with WAMR's libc-wasi instead of the embedded adapter.
    /// <see cref="WamrModule.Component"/> carries the canon options and the WIT.
    /// </summary>
    /// <exception cref="ComponentLoadException">Not a component, malformed (the message names the problem and offset), or a shape WitHost cannot run (the message names the construct).</exception>
    public WamrModule LoadComponent(byte[] bytes, ModuleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (Aot.AotImage.HasHeader(bytes))
        {
            // An AOT file compiled from a component carries it, and loads as that component.
            WamrModule compiled = Named(WamrModule.Load(bytes, options ?? ModuleOptions.Default), options);
            if (compiled.Component is null)
            {
                compiled.Dispose();
                throw new ComponentLoadException("Not a component: the AOT file was compiled from a core module (load it with LoadModule).", 0);
            }
            return compiled;
        }
        if (!IsComponent(bytes))
        {
            throw new ComponentLoadException("Not a component: the preamble says this is a core module (load it with LoadModule).", 0);
        }
        return Named(WamrModule.LoadComponent(bytes, options ?? ModuleOptions.Default), options);
    }

    /// <summary>Loads a component binary from a file.</summary>
    public WamrModule LoadComponent(string path, ModuleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadComponent(File.ReadAllBytes(path), NamedAfterFile(path, options));
    }

    private static WamrModule Named(WamrModule module, ModuleOptions? options)
    {
        module.Name = options?.Name;
        return module;
    }

    /// <summary>The options with the file's name as the module's, unless they name it.</summary>
    private static ModuleOptions NamedAfterFile(string path, ModuleOptions? options) =>
        options?.Name is null
            ? (options ?? ModuleOptions.Default) with { Name = Path.GetFileNameWithoutExtension(path) }
            : options;

    /// <summary>Whether the preamble says component (layer 1); a malformed preamble is a component error only when it claims layer 1.</summary>
    internal static bool IsComponent(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..4].SequenceEqual("\0asm"u8) && bytes[6] == 1 && bytes[7] == 0;

    /// <summary>Reads what a module imports and exports, without loading it into WAMR.</summary>
    /// <exception cref="FormatException">The bytes are not a readable core module.</exception>
    public static WasmModuleInfo Inspect(ReadOnlySpan<byte> bytes) => WasmModuleReader.Read(bytes);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _runtime.Dispose();
        }
    }
}
