using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>WAMR's <c>RuntimeInitArgs</c> (wasm_export.h, 1.1.2), field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct RuntimeInitArgs
{
    /// <summary><c>mem_alloc_type_t</c>; 2 is <c>Alloc_With_System_Allocator</c>.</summary>
    public int MemAllocType;

    // MemAllocOption is a union whose largest member is four pointers.
    public nint MemAllocOption0;
    public nint MemAllocOption1;
    public nint MemAllocOption2;
    public nint MemAllocOption3;

    public byte* NativeModuleName;
    public NativeSymbol* NativeSymbols;
    public uint NativeSymbolCount;
    public uint MaxThreadNum;
    public fixed byte IpAddress[128];
    public int Unused;
    public int InstancePort;
    public uint FastJitCodeCacheSize;

    public const int AllocWithSystemAllocator = 2;
}
