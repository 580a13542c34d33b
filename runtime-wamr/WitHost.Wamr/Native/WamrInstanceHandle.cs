using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// A module instance WAMR created (<c>wasm_module_inst_t</c>), with what lives and dies with it:
/// its execution environment (WAMR's singleton, freed by <c>wasm_runtime_deinstantiate</c>), the
/// weak handle its custom data points at, and a reference to its module. An instance that is never
/// disposed is freed by the finalizer, before its module.
/// </summary>
internal sealed class WamrInstanceHandle : SafeHandle
{
    private static int s_live;

    private readonly WamrModuleHandle _module;
    private GCHandle _owner;
    private long _memoryPressure;

    /// <summary>Takes ownership of <paramref name="instance"/> and of one reference to <paramref name="module"/> the caller added.</summary>
    public WamrInstanceHandle(nint instance, WamrModuleHandle module)
        : base(0, ownsHandle: true)
    {
        SetHandle(instance);
        _module = module;
        Interlocked.Increment(ref s_live);
    }

    /// <summary>Instances created and not yet freed, in the whole process (for leak tests).</summary>
    internal static int LiveCount => Volatile.Read(ref s_live);

    public override bool IsInvalid => handle == 0;

    /// <summary>
    /// Points the instance's custom data at <paramref name="owner"/> through a weak handle: the
    /// host-import entry point finds the instance from it, and being weak, it does not keep an
    /// instance nobody uses alive.
    /// </summary>
    public void SetOwner(object owner)
    {
        _owner = GCHandle.Alloc(owner, GCHandleType.Weak);
        WamrNative.SetCustomData(handle, GCHandle.ToIntPtr(_owner));
    }

    /// <summary>
    /// Counts the native memory the instance holds (its linear memory and operand stack), which
    /// the garbage collector cannot see, in what it is told (<see cref="NativeMemoryPressure"/>):
    /// forgotten instances are then finalized before many of them pile up.
    /// </summary>
    public void AddMemoryPressure(long bytes)
    {
        if (bytes > 0 && _memoryPressure == 0)
        {
            _memoryPressure = bytes;
            NativeMemoryPressure.Add(bytes);
        }
    }

    /// <summary>
    /// Counts <paramref name="bytes"/> the guest added to its linear memory since instantiation
    /// (<c>memory.grow</c>): WAMR keeps the grown memory until the instance is freed, and it is
    /// given back with the rest then.
    /// </summary>
    public void AddGrownMemoryPressure(long bytes)
    {
        _memoryPressure += bytes;
        NativeMemoryPressure.Add(bytes);
    }

    protected override bool ReleaseHandle()
    {
        if (_memoryPressure > 0)
        {
            NativeMemoryPressure.Remove(_memoryPressure);
        }
        WamrNative.SetCustomData(handle, 0);
        WamrNative.Deinstantiate(handle);
        if (_owner.IsAllocated)
        {
            _owner.Free();
        }
        Interlocked.Decrement(ref s_live);
        _module.DangerousRelease();
        return true;
    }
}
