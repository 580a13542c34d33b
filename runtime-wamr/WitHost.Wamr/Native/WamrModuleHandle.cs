using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// A module WAMR loaded (<c>wasm_module_t</c>) and the copy of its bytes WAMR reads from for as
/// long as it is loaded. Each instance's <see cref="WamrInstanceHandle"/> holds a reference, so the
/// module is unloaded after its last instance, whether each was disposed or finalized.
/// </summary>
/// <remarks>Each live module holds a reference to the WAMR runtime (<see cref="WamrRuntimeShare"/>).</remarks>
internal sealed class WamrModuleHandle : SafeHandle
{
    private static int s_live;

    private readonly NativeBlock _bytes;
    private readonly WamrRuntimeShare _runtime;

    /// <summary>
    /// Takes ownership of <paramref name="module"/> and a reference to each of
    /// <paramref name="bytes"/> (what WAMR loaded it from) and <paramref name="runtime"/>, which
    /// are freed after the module is unloaded, however they were disposed.
    /// </summary>
    public WamrModuleHandle(nint module, NativeBlock bytes, WamrRuntimeShare runtime)
        : base(0, ownsHandle: true)
    {
        bool bytesAdded = false, runtimeAdded = false;
        try
        {
            bytes.DangerousAddRef(ref bytesAdded);
            runtime.DangerousAddRef(ref runtimeAdded);
        }
        catch
        {
            WamrNative.Unload(module);
            if (bytesAdded)
            {
                bytes.DangerousRelease();
            }
            throw;
        }
        SetHandle(module);
        _bytes = bytes;
        _runtime = runtime;
        Interlocked.Increment(ref s_live);
    }

    /// <summary>Modules loaded and not yet unloaded, in the whole process (for leak tests).</summary>
    internal static int LiveCount => Volatile.Read(ref s_live);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        WamrNative.Unload(handle);
        _bytes.DangerousRelease();
        Interlocked.Decrement(ref s_live);
        _runtime.DangerousRelease();
        return true;
    }
}
