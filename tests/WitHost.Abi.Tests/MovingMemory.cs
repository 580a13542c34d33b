using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Abi.Tests;

/// <summary>
/// A memory whose every <c>cabi_realloc</c> moves it to a new, larger array (as memory.grow may
/// move a real one) and poisons the old array, so code that keeps a span across a realloc writes
/// into the wrong place and the test sees it.
/// </summary>
internal sealed class MovingMemory : ICanonicalMemory
{
    private byte[] _bytes = new byte[64];
    private uint _next = 8;

    public int Moves { get; private set; }

    public Span<byte> Bytes => _bytes;

    // Nothing but Realloc moves this memory.
    public void Refresh()
    {
    }

    public uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize)
    {
        var pointer = (_next + alignment - 1) / alignment * alignment;
        _next = pointer + newSize;
        var moved = new byte[Math.Max(_bytes.Length * 2, (int)_next + 64)];
        _bytes.CopyTo(moved, 0);
        Array.Copy(_bytes, originalPointer, moved, pointer, originalSize);
        Array.Fill(_bytes, (byte)0xEE);
        _bytes = moved;
        Moves++;
        return pointer;
    }

    public WasmTrapException Trap(string functionName, string message) => new(functionName, message);
}
