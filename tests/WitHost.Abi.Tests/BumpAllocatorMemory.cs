using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Abi.Tests;

/// <summary>
/// A plain byte array with the vectors' bump allocator as <c>cabi_realloc</c> (see the vectors'
/// README): shrinking keeps the block, anything else takes fresh space at <see cref="Next"/>.
/// </summary>
internal sealed class BumpAllocatorMemory : ICanonicalMemory
{
    private readonly byte[] _bytes;

    public BumpAllocatorMemory(byte[] bytes, uint next)
    {
        _bytes = bytes;
        Next = next;
    }

    public uint Next { get; private set; }

    public List<(uint Old, uint OldSize, uint Alignment, uint NewSize)> Calls { get; } = [];

    public Span<byte> Bytes => _bytes;

    // Nothing but Realloc moves this memory.
    public void Refresh()
    {
    }

    public uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize)
    {
        Calls.Add((originalPointer, originalSize, alignment, newSize));
        if (originalPointer != 0 && newSize < originalSize)
        {
            return AlignTo(originalPointer, alignment);
        }

        var pointer = AlignTo(Next, alignment);
        Next = pointer + newSize;
        var copy = (int)Math.Min(originalSize, (uint)Math.Max(0, _bytes.Length - (long)Math.Max(pointer, originalPointer)));
        Array.Copy(_bytes, originalPointer, _bytes, pointer, copy);
        return pointer;
    }

    public WasmTrapException Trap(string functionName, string message) => new(functionName, message);

    private static uint AlignTo(uint offset, uint alignment) => (offset + alignment - 1) / alignment * alignment;
}
