using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// A module WAMR loaded (<c>wasm_module_t</c>) and the copy of its bytes WAMR reads from for as
/// long as it is loaded. Each instance's <see cref="WamrInstanceHandle"/> holds a reference, so the
/// module is unloaded after its last instance, whether each was disposed or finalized.
/// </summary>
/// <remarks>Each live module holds a reference to the WAMR runtime (<see cref="WamrRuntime"/>).</remarks>
internal sealed unsafe class WamrModuleHandle : SafeHandle
{
    private static int s_live;

    private readonly byte* _bytes;

    /// <summary>Takes ownership of <paramref name="module"/>, <paramref name="bytes"/> and one runtime reference.</summary>
    public WamrModuleHandle(nint module, byte* bytes)
        : base(0, ownsHandle: true)
    {
        SetHandle(module);
        _bytes = bytes;
        Interlocked.Increment(ref s_live);
    }

    /// <summary>Modules loaded and not yet unloaded, in the whole process (for leak tests).</summary>
    internal static int LiveCount => Volatile.Read(ref s_live);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        WamrNative.Unload(handle);
        NativeMemory.Free(_bytes);
        Interlocked.Decrement(ref s_live);
        WamrRuntime.Release();
        return true;
    }
}
