using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>WAMR's <c>NativeSymbol</c>: one host function offered to guests under a module name.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeSymbol
{
    public byte* Symbol;
    public void* FunctionPointer;
    public byte* Signature;
    public void* Attachment;
}
