using System.Buffers.Binary;

namespace WitHost.Wamr.Memory;

/// <summary>
/// A bounds-checked view of an instance's linear memory, valid until the next call into the
/// guest (a call may grow the memory and move it). Get a fresh one from
/// <see cref="WamrInstance.Memory"/> after every call; never keep one across a call.
/// </summary>
/// <remarks>
/// Offsets are guest addresses. An access outside the memory throws
/// <see cref="GuestMemoryAccessException"/>: a guest that hands the host a bad pointer makes
/// its own call trap, it never makes the host read outside the memory.
/// </remarks>
public readonly ref struct GuestMemory
{
    private readonly Span<byte> _bytes;

    internal GuestMemory(Span<byte> bytes) => _bytes = bytes;

    /// <summary>The whole memory.</summary>
    public Span<byte> Span => _bytes;

    /// <summary>The memory's current size in bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary><paramref name="length"/> bytes at guest address <paramref name="offset"/>.</summary>
    public Span<byte> Slice(uint offset, uint length)
    {
        if ((ulong)offset + length > (ulong)_bytes.Length)
        {
            throw new GuestMemoryAccessException(offset, length, _bytes.Length);
        }
        return _bytes.Slice((int)offset, (int)length);
    }

    public byte ReadByte(uint offset) => Slice(offset, 1)[0];
    public ushort ReadUInt16(uint offset) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(offset, 2));
    public uint ReadUInt32(uint offset) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(offset, 4));
    public ulong ReadUInt64(uint offset) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(offset, 8));
    public float ReadSingle(uint offset) => BinaryPrimitives.ReadSingleLittleEndian(Slice(offset, 4));
    public double ReadDouble(uint offset) => BinaryPrimitives.ReadDoubleLittleEndian(Slice(offset, 8));

    public void WriteByte(uint offset, byte value) => Slice(offset, 1)[0] = value;
    public void WriteUInt16(uint offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Slice(offset, 2), value);
    public void WriteUInt32(uint offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Slice(offset, 4), value);
    public void WriteUInt64(uint offset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Slice(offset, 8), value);
    public void WriteSingle(uint offset, float value) => BinaryPrimitives.WriteSingleLittleEndian(Slice(offset, 4), value);
    public void WriteDouble(uint offset, double value) => BinaryPrimitives.WriteDoubleLittleEndian(Slice(offset, 8), value);

    /// <summary>Copies <paramref name="source"/> into the memory at <paramref name="offset"/>.</summary>
    public void Write(uint offset, ReadOnlySpan<byte> source) => source.CopyTo(Slice(offset, (uint)source.Length));
}
