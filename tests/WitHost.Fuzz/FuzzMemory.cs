using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Fuzz;

/// <summary>A memory image for the lift fuzzer: a byte array with a bump allocator as <c>cabi_realloc</c>.</summary>
internal sealed class FuzzMemory : ICanonicalMemory
{
    private readonly byte[] _bytes;
    private uint _next;

    public FuzzMemory(byte[] bytes, uint next)
    {
        _bytes = bytes;
        _next = next;
    }

    public Span<byte> Bytes => _bytes;

    public void Refresh()
    {
    }

    public uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize)
    {
        uint pointer = (_next + alignment - 1) / alignment * alignment;
        if ((ulong)pointer + newSize > (ulong)_bytes.Length)
        {
            throw new InvalidOperationException($"The fuzzer's memory of {_bytes.Length} bytes is too small for {newSize} more.");
        }
        _next = pointer + newSize;
        if (originalPointer != 0)
        {
            Array.Copy(_bytes, originalPointer, _bytes, pointer, Math.Min(originalSize, newSize));
        }
        return pointer;
    }

    public WasmTrapException Trap(string functionName, string message) => new(functionName, message);
}
