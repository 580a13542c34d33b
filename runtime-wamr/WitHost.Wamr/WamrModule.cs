using System.Runtime.InteropServices;
using System.Text;
using WitHost.Wamr.Aot;
using WitHost.Wamr.Binary;
using WitHost.Wamr.Components;
using WitHost.Wamr.Diagnostics;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Native;
using WitHost.Wamr.Stdio;

namespace WitHost.Wamr;

/// <summary>
/// A core wasm module loaded into WAMR, ready to be instantiated any number of times. A module
/// loaded from a component is the component's main core module, with what the component says
/// about it in <see cref="Component"/>.
/// </summary>
/// <remarks>
/// WAMR keeps using the module's bytes until it unloads it, so the module owns a native copy.
/// Disposing the module while instances are alive keeps it loaded until the last of them is
/// disposed.
/// </remarks>
public sealed unsafe class WamrModule : IDisposable
{
    private const int ErrorBufferSize = 256;

    private readonly int[] _importSlots;
    private readonly WamrModuleHandle _native;
    private int _disposed;
    // Why the guest's async ABI cannot run here (stack switching), found once when it loads.
    private string? _asyncRefusal;

    private WamrModule(WamrModuleHandle native, WasmModuleInfo info, int[] importSlots)
    {
        _native = native;
        Info = info;
        _importSlots = importSlots;
        _asyncRefusal = Async.AsyncGuestSupport.Refusal(info);
    }

    /// <summary>The module's function imports, exports and memory.</summary>
    public WasmModuleInfo Info { get; }

    /// <summary>
    /// For a module loaded from a component binary: the component's canon options, how it wires
    /// the main module's imports, and its WIT. Null for a plain core module.
    /// </summary>
    public GuestComponent? Component { get; private set; }

    /// <summary>
    /// Whether the module runs as native code compiled ahead of time (loaded from an AOT file
    /// <see cref="AotCompiler"/> wrote) rather than on WAMR's interpreter.
    /// </summary>
    public bool IsAheadOfTimeCompiled { get; private set; }

    /// <summary>
    /// The name that tags the module's instantiations, calls and traps in traces and metrics
    /// (docs/observability.md): <see cref="ModuleOptions.Name"/>, or the file's name without its
    /// extension for a module loaded from a file; null if neither.
    /// </summary>
    public string? Name { get; internal set; }

    internal ReadOnlySpan<int> ImportSlots => _importSlots;

    /// <summary>Loads the main core module of a component and attaches what the component says about it.</summary>
    /// <remarks>With <paramref name="compiled"/>, the main module runs as that AOT file, compiled from it.</remarks>
    internal static WamrModule LoadComponent(byte[] bytes, ModuleOptions options, byte[]? compiled = null, AotImage? image = null)
    {
        (byte[] main, GuestComponent component) = GuestComponentReader.Read(bytes);
        WamrModule module;
        try
        {
            module = compiled is null ? Load(main, options) : LoadCompiled(main, compiled, image!, options);
        }
        catch (WasmModuleLoadException e) when (e is not ComponentLoadException)
        {
            throw new ComponentLoadException($"The component's main core module could not be loaded: {e.Message}", null, e);
        }
        module.Component = component;
        module._asyncRefusal = Async.AsyncGuestSupport.Refusal(module.Info, component);
        return module;
    }

    internal static WamrModule Load(ReadOnlySpan<byte> bytes, ModuleOptions options)
    {
        if (AotImage.HasHeader(bytes))
        {
            return LoadAot(bytes, options);
        }
        WasmModuleInfo? info = null;
        try
        {
            info = WasmModuleReader.Read(bytes);
        }
        catch (FormatException e) when (WasmModuleReader.HasCoreModuleHeader(bytes))
        {
            // The bytes claim to be a module but are malformed: WAMR never sees them, since its
            // loader allocates for counts before it checks them against the bytes.
            throw new WasmModuleLoadException($"The module is malformed: {e.Message}.");
        }
        catch (FormatException)
        {
            // Not a core module at all: WAMR checks the header first and rejects it with its own
            // message (for example "magic header not detected"), which is the one users know.
        }

        byte[]? patched = null;
        if (info is not null && options.MaxMemoryPages is { } maxPages)
        {
            patched = WasmModulePatcher.LimitMemory(bytes, info, maxPages);
            bytes = patched;
        }
        return LoadNative(bytes, info);
    }

    /// <summary>
    /// Loads an AOT file: checked before WAMR sees it (format version, architecture), described
    /// by the wasm it carries (<see cref="AotImage"/>), a component's main module when that wasm is a component.
    /// </summary>
    private static WamrModule LoadAot(ReadOnlySpan<byte> bytes, ModuleOptions options)
    {
        AotImage image = AotImage.Read(bytes);
        image.EnsureRunsHere();
        ReadOnlySpan<byte> original = image.Original(bytes);
        if (WamrEngine.IsComponent(original))
        {
            return LoadComponent(original.ToArray(), options, bytes.ToArray(), image);
        }
        return LoadCompiled(original, bytes, image, options);
    }

    private static WamrModule LoadCompiled(ReadOnlySpan<byte> wasm, ReadOnlySpan<byte> compiled, AotImage image, ModuleOptions options)
    {
        WasmModuleInfo info;
        try
        {
            info = WasmModuleReader.Read(wasm);
        }
        catch (FormatException e)
        {
            throw new WasmModuleLoadException($"The module the AOT file was compiled from is malformed: {e.Message}.");
        }
        if (options.MaxMemoryPages is { } maxPages)
        {
            if (info.ImportsMemory)
            {
                throw new WasmModuleLoadException("A memory limit cannot be applied: the module imports its memory.");
            }
            WamrModule limited = LoadNative(image.WithMemoryLimit(compiled, maxPages), info);
            limited.IsAheadOfTimeCompiled = true;
            return limited;
        }
        WamrModule module = LoadNative(compiled, info);
        module.IsAheadOfTimeCompiled = true;
        return module;
    }

    /// <summary>Hands the bytes (wasm or AOT) to WAMR, with the host functions the module imports registered first.</summary>
    private static WamrModule LoadNative(ReadOnlySpan<byte> bytes, WasmModuleInfo? info)
    {
        // Here rather than in each loader, so that wasm and AOT files meet the same refusal.
        if (info?.FunctionImports.FirstOrDefault(i => !NulTerminatedUtf8.CanEncode(i.Module) || !NulTerminatedUtf8.CanEncode(i.Name)) is { } unnameable)
        {
            // WAMR resolves imports by C string: it would bind this one by the name's start.
            throw new WasmModuleLoadException(
                $"The module imports '{unnameable.Module}' '{unnameable.Name}', a name with a NUL character, which WAMR cannot resolve.".Replace("\0", "\\0", StringComparison.Ordinal));
        }

        // The module handle takes its own references to the runtime and to the copy of the bytes
        // WAMR reads; these go when the load fails, or stay as long as the module is loaded.
        using var runtime = new WamrRuntimeShare();
        using NativeBlock copy = NativeBlock.Copy(bytes);

        int[] slots = [];
        byte* error = stackalloc byte[ErrorBufferSize];
        error[0] = 0;
        nint handle;
        lock (WamrRuntime.Gate)
        {
            if (info is not null)
            {
                // Host functions must be registered before WAMR loads the module: it resolves
                // imports while loading.
                slots = HostImportRegistry.EnsureRegistered(info.FunctionImports);
            }
            handle = WamrNative.Load(copy.Pointer, (uint)bytes.Length, error, ErrorBufferSize);
        }

        if (handle == 0)
        {
            string message = Marshal.PtrToStringUTF8((nint)error) is { Length: > 0 } wamrMessage
                ? wamrMessage
                : "WAMR rejected the module";
            throw new WasmModuleLoadException(message);
        }
        if (info is null)
        {
            // Unreachable with a header WAMR accepts, but never keep a module we cannot read.
            WamrNative.Unload(handle);
            throw new WasmModuleLoadException("The module is not a core WebAssembly module.");
        }

        return new WamrModule(new WamrModuleHandle(handle, copy, runtime), info, slots);
    }

    /// <summary>Creates an instance whose imports are served by <paramref name="imports"/>.</summary>
    /// <remarks>An import with no host function still lets the instance be created; calling it
    /// traps with a message that names it.</remarks>
    /// <exception cref="WasmInstantiationException">WAMR refused, the start function or <c>_initialize</c>
    /// trapped, or the guest exited in either (its <see cref="Exception.InnerException"/> is the
    /// <see cref="WasmExitException"/>, with the status).</exception>
    public WamrInstance Instantiate(HostImports? imports = null, InstanceOptions? options = null)
    {
        if (WamrTelemetry.InstantiationsObserved)
        {
            return WamrTelemetry.ObserveInstantiation(this, () => InstantiateUnobserved(imports, options));
        }
        return InstantiateUnobserved(imports, options);
    }

    private WamrInstance InstantiateUnobserved(HostImports? imports, InstanceOptions? options)
    {
        options ??= InstanceOptions.Default;
        if (_asyncRefusal is not null)
        {
            throw new WasmInstantiationException(_asyncRefusal);
        }
        WamrInstanceHandle native = CreateNativeInstance(options, out GuestStdio stdio);
        WamrInstance instance;
        try
        {
            instance = new WamrInstance(this, native, imports ?? HostImports.Empty, options);
        }
        catch
        {
            native.Dispose();
            stdio.Dispose();
            throw;
        }
        instance.AttachStdio(stdio);

        // From here on every failure disposes the instance: WAMR's instance (its memory and
        // stacks) is native and nothing else would ever free it.
        try
        {
            if (options.RunReactorInitializer && instance.TryGetFunction("_initialize") is { } initialize)
            {
                if (initialize.Type.Parameters.Length != 0 || initialize.Type.Results.Length != 0)
                {
                    throw new WasmInstantiationException(
                        $"The guest's _initialize must take no parameters and return nothing; it is {initialize.Type}.");
                }
                try
                {
                    initialize.Invoke([]);
                }
                catch (WamrException e)
                {
                    throw new WasmInstantiationException($"The guest's _initialize failed: {e.Message}", e);
                }
                // A core call returns when the guest exits; the instance it leaves never finished starting.
                if (instance.ExitStatus is { } status)
                {
                    throw ExitedWhileInstantiating("_initialize", status);
                }
            }
            if (options.ReleaseZeroPages)
            {
                instance.ReleaseZeroPages();
            }
        }
        catch
        {
            instance.Dispose();
            throw;
        }
        return instance;
    }

    // What an exit while the module is instantiated names as the function the guest exited in.
    private const string StartFunctionName = "start function";

    // The guest exited (proc_exit, wasi:cli/exit) in its start function or _initialize: there is
    // no instance to call, so instantiation fails, with the exit (and its status) inside.
    private static WasmInstantiationException ExitedWhileInstantiating(string functionName, int status)
        => new($"The guest exited with status {status} in its {functionName}.", new WasmExitException(functionName, status));

    private WamrInstanceHandle CreateNativeInstance(InstanceOptions options, out GuestStdio stdio)
    {
        // The instance keeps the module loaded: its handle owns this reference (and releases it
        // when the instance is disposed or finalized). A disposed module refuses here, though its
        // handle may still be open for the instances it has.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        bool added = false;
        try
        {
            _native.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(GetType().FullName);
        }

        byte* error = stackalloc byte[ErrorBufferSize];
        error[0] = 0;
        nint handle;
        try
        {
            WamrRuntime.EnsureThreadEnvironment();
            using var wasi = new NativeWasiArguments(options.Wasi);
            stdio = new GuestStdio(options.Wasi);
            lock (WamrRuntime.Gate)
            {
                // WAMR keeps WASI arguments on the module and reads them while instantiating,
                // so setting and instantiating happen under one lock; so does the check of which
                // stdio descriptors a failed instantiation left open.
                nint module = _native.DangerousGetHandle();
                wasi.ApplyTo(module, stdio);
                WasiProcExit.TakeExitBeforeInstance();
                handle = WamrNative.Instantiate(module, options.StackSize, options.HeapSize, error, ErrorBufferSize);
                if (handle == 0)
                {
                    stdio.InstantiationFailed();
                }
                else
                {
                    stdio.Start();
                }
            }
        }
        catch
        {
            _native.DangerousRelease();
            throw;
        }

        if (handle == 0)
        {
            _native.DangerousRelease();
            if (WasiProcExit.TakeExitBeforeInstance() is { } status)
            {
                throw ExitedWhileInstantiating(StartFunctionName, status);
            }
            throw new WasmInstantiationException(Marshal.PtrToStringUTF8((nint)error) is { Length: > 0 } message
                ? message
                : "WAMR could not instantiate the module");
        }
        return new WamrInstanceHandle(handle, _native);
    }

    /// <summary>
    /// Unloads the module, or, while instances of it are alive, once the last of them is disposed
    /// or finalized. Safe to call more than once. A module that is never disposed is unloaded by
    /// the finalizer after its instances.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _native.Dispose();
        }
    }

    /// <summary>WASI arguments marshalled to native strings for the duration of one instantiation.</summary>
    private sealed class NativeWasiArguments : IDisposable
    {
        private readonly NativeBlock _dirs;
        private readonly NativeBlock _env;
        private readonly NativeBlock _argv;
        private readonly int _dirCount, _envCount, _argc;

        public NativeWasiArguments(WasiOptions? options)
        {
            options ??= new WasiOptions();
            var environment = options.Environment.Select(p => $"{p.Key}={p.Value}").ToList();
            // Every string is checked before any is copied, so a refused one leaves nothing behind.
            foreach (string value in options.PreopenedDirectories.Concat(environment).Concat(options.Arguments))
            {
                if (!NulTerminatedUtf8.CanEncode(value))
                {
                    throw new ArgumentException($"WASI strings cannot contain NUL characters: '{value}'.", nameof(options));
                }
            }
            _dirCount = options.PreopenedDirectories.Count;
            _envCount = environment.Count;
            _argc = options.Arguments.Count;
            _dirs = NulTerminatedUtf8.Array(options.PreopenedDirectories);
            _env = NulTerminatedUtf8.Array(environment);
            _argv = NulTerminatedUtf8.Array(options.Arguments);
        }

        public void ApplyTo(nint module, GuestStdio stdio) => WamrNative.SetWasiArgsEx(
            module, (byte**)_dirs.Pointer, (uint)_dirCount, null, 0, (byte**)_env.Pointer, (uint)_envCount, (byte**)_argv.Pointer, _argc,
            stdio.StdinDescriptor, stdio.StdoutDescriptor, stdio.StderrDescriptor);

        public void Dispose()
        {
            _dirs.Dispose();
            _env.Dispose();
            _argv.Dispose();
        }
    }
}
