using System.Runtime.InteropServices;

namespace WitHost.Wamr.Benchmarks.NativeHost;

/// <summary>
/// The C host of the anchor guest (anchor_host.c, built into libanchorhost.so beside the
/// benchmarks): one instance of the guest, called from C straight through WAMR's API. Each method
/// makes a whole batch of calls in one transition, so the transition is spread over the batch.
/// </summary>
internal sealed unsafe partial class AnchorNativeHost : IDisposable
{
    private const string Library = "anchorhost";
    private nint _host;

    /// <summary>Loads <paramref name="wasm"/> on the runtime <paramref name="engine"/> initialised.</summary>
    public AnchorNativeHost(WamrEngine engine, byte[] wasm)
    {
        ArgumentNullException.ThrowIfNull(engine);
        // Both sides must run on the one libiwasm the .NET runtime loaded (the one beside the
        // benchmarks, or WITHOST_LIBIWASM_PATH's), or the comparison is between two libraries.
        // Loading a library already loaded returns it again.
        string runtimeLibrary = Environment.GetEnvironmentVariable("WITHOST_LIBIWASM_PATH") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "libiwasm.so");
        nint ours = NativeLibrary.GetExport(NativeLibrary.Load(runtimeLibrary), "wasm_runtime_call_wasm");
        nint theirs = CallWasmAddress();
        if (ours != theirs)
        {
            throw new InvalidOperationException($"libanchorhost.so resolved another libiwasm than the runtime loaded ({theirs:x} against {ours:x}).");
        }
        byte* error = stackalloc byte[256];
        fixed (byte* bytes = wasm)
        {
            _host = New(bytes, (uint)wasm.Length, error, 256);
        }
        if (_host == 0)
        {
            throw new InvalidOperationException("The C host could not instantiate the anchor guest: " + Marshal.PtrToStringUTF8((nint)error));
        }
    }

    public void Noop(uint times) => Check(Noop(_host, times));

    public int Add(uint times, int b)
    {
        int last;
        Check(Add(_host, times, b, &last));
        return last;
    }

    /// <summary>Calls upper(<paramref name="utf8"/>) <paramref name="times"/> times; each result lands in <paramref name="result"/>.</summary>
    public void Upper(ReadOnlySpan<byte> utf8, uint times, Span<byte> result)
    {
        if (result.Length < utf8.Length)
        {
            throw new ArgumentException("The result buffer is shorter than the text.", nameof(result));
        }
        fixed (byte* text = utf8)
        fixed (byte* output = result)
        {
            Check(Upper(_host, text, (uint)utf8.Length, times, output));
        }
    }

    public void Dispose()
    {
        if (_host != 0)
        {
            Delete(_host);
            _host = 0;
        }
    }

    private void Check(int status)
    {
        if (status != 0)
        {
            throw new InvalidOperationException("The C host's call failed: " + Marshal.PtrToStringUTF8(Error(_host)));
        }
    }

    [LibraryImport(Library, EntryPoint = "anchor_host_call_wasm_address")]
    private static partial nint CallWasmAddress();

    [LibraryImport(Library, EntryPoint = "anchor_host_new")]
    private static partial nint New(byte* wasm, uint size, byte* error, uint errorSize);

    [LibraryImport(Library, EntryPoint = "anchor_host_delete")]
    private static partial void Delete(nint host);

    [LibraryImport(Library, EntryPoint = "anchor_host_error")]
    private static partial nint Error(nint host);

    [LibraryImport(Library, EntryPoint = "anchor_host_noop")]
    private static partial int Noop(nint host, uint times);

    [LibraryImport(Library, EntryPoint = "anchor_host_add")]
    private static partial int Add(nint host, uint times, int b, int* last);

    [LibraryImport(Library, EntryPoint = "anchor_host_upper")]
    private static partial int Upper(nint host, byte* text, uint length, uint times, byte* output);
}
