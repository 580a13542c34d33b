using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// A block of native memory the runtime hands to WAMR: a module's bytes, which WAMR reads for as
/// long as the module is loaded; the symbol tables of registered host functions; WASI arguments.
/// Freed once, when disposed, finalized, or (for a block another handle holds a reference to
/// with <see cref="SafeHandle.DangerousAddRef"/>) when that handle lets go of it last.
/// </summary>
internal sealed unsafe class NativeBlock : SafeHandle
{
    private static int s_live;

    private NativeBlock(nuint length)
        : base(0, ownsHandle: true)
    {
        // A zero-length block still gets an address, so the pointer WAMR sees is never null.
        SetHandle((nint)NativeMemory.AllocZeroed(Math.Max(length, 1)));
        Length = length;
        Interlocked.Increment(ref s_live);
    }

    /// <summary>The block's first byte.</summary>
    public byte* Pointer => (byte*)handle;

    /// <summary>The block's size in bytes.</summary>
    public nuint Length { get; }

    /// <summary>Blocks allocated and not yet freed, in the whole process (for leak tests).</summary>
    internal static int LiveCount => Volatile.Read(ref s_live);

    public override bool IsInvalid => handle == 0;

    /// <summary>A zeroed block of <paramref name="length"/> bytes.</summary>
    public static NativeBlock Allocate(nuint length) => new(length);

    /// <summary>A block holding a copy of <paramref name="bytes"/>.</summary>
    public static NativeBlock Copy(ReadOnlySpan<byte> bytes)
    {
        var block = new NativeBlock((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(block.Pointer, bytes.Length));
        return block;
    }

    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        Interlocked.Decrement(ref s_live);
        return true;
    }
}
