using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// WitHost's functions on what an instance keeps resident (<c>runtime-wamr/native/residency/withost_residency.c</c>):
/// <c>withost_release_zero_pages</c> gives the operating system back the pages of an instance's
/// linear memory and operand stack that hold only zeros, which WAMR zeroed (and so made resident)
/// whole when it created them; <c>withost_memory_size_cell</c> finds the word where WAMR keeps the
/// size of the linear memory, which grows while the guest runs, and <c>withost_memory_data_cell</c>
/// the word where it keeps the memory's address, which moves when it grows.
/// </summary>
/// <remarks>
/// Looked up by name, as <see cref="WamrCallFunctions"/>'s functions are: a libiwasm without them
/// (one the user built from plain WAMR) keeps every page, as WAMR allocates them, and the memory a
/// guest grows is not seen until the instance is gone.
/// </remarks>
internal static unsafe class WamrResidency
{
    private static readonly nint s_function = Bind("withost_release_zero_pages");
    private static readonly nint s_memorySizeCell = Bind("withost_memory_size_cell");
    private static readonly nint s_memoryDataCell = Bind("withost_memory_data_cell");

    /// <summary>Whether the loaded libiwasm can give pages back.</summary>
    public static bool IsAvailable => s_function != 0;

    /// <summary>
    /// Drops the all-zero pages of <paramref name="instance"/>'s memory and of the unused part of
    /// <paramref name="execEnv"/>'s operand stack; returns the bytes given back (0 when the
    /// library cannot). Only while no call runs on the instance.
    /// </summary>
    public static ulong ReleaseZeroPages(nint instance, nint execEnv) => s_function == 0
        ? 0
        : ((delegate* unmanaged[Cdecl]<nint, nint, ulong>)s_function)(instance, execEnv);

    /// <summary>
    /// The word holding the byte size of <paramref name="instance"/>'s linear memory, which WAMR
    /// updates when the guest grows it; null when the instance has no memory or the library
    /// cannot tell. Readable until the instance is freed.
    /// </summary>
    public static uint* MemorySizeCell(nint instance) => s_memorySizeCell == 0
        ? null
        : ((delegate* unmanaged[Cdecl]<nint, uint*>)s_memorySizeCell)(instance);

    /// <summary>
    /// The word holding the address of <paramref name="instance"/>'s linear memory, which WAMR
    /// changes when the memory grows and moves; null when the instance has no memory or the
    /// library cannot tell. Readable until the instance is freed.
    /// </summary>
    public static byte** MemoryDataCell(nint instance) => s_memoryDataCell == 0
        ? null
        : ((delegate* unmanaged[Cdecl]<nint, byte**>)s_memoryDataCell)(instance);

    private static nint Bind(string name) =>
        LibIwasmResolver.LoadedLibrary is var library and not 0
        && NativeLibrary.TryGetExport(library, name, out nint function)
            ? function
            : 0;
}
