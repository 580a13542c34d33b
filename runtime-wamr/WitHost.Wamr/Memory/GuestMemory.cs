using System.Buffers.Binary;

namespace WitHost.Wamr.Memory;

/// <summary>
/// A bounds-checked view of an instance's linear memory, valid until the next call into the
/// guest (a call may grow the memory and move it). Get a fresh one from
/// <see cref="WamrInstance.Memory"/> after every call; never keep one across a call.
/// </summary>
/// <remarks>
/// <para>Offsets are guest addresses. An access outside the memory throws
/// <see cref="GuestMemoryAccessException"/>: a guest that hands the host a bad pointer makes
/// its own call trap, it never makes the host read outside the memory.</para>
/// <para>A 32-bit memory can grow to 4 GiB (WAMR 1.1.2 stops one byte short of it), more than
/// one <see cref="Span{T}"/> holds: <see cref="Length"/> is a <see cref="long"/>,
/// <see cref="Slice"/> reaches every address, and <see cref="Span"/> is only there for memories
/// under 2 GiB.</para>
/// </remarks>
public readonly unsafe ref struct GuestMemory
{
    private readonly byte* _base;
    private readonly long _length;

    internal GuestMemory(byte* @base, long length)
    {
        _base = @base;
        _length = length;
    }

    /// <summary>The whole memory as one span.</summary>
    /// <exception cref="InvalidOperationException">The memory is 2 GiB or larger, more than a span holds; use <see cref="Slice"/>.</exception>
    public Span<byte> Span => _length <= int.MaxValue
        ? new Span<byte>(_base, (int)_length)
        : throw new InvalidOperationException($"The memory of {_length} bytes is larger than one span can hold; use Slice.");

    /// <summary>The address of guest address 0, for the runtime's own views of the memory.</summary>
    internal byte* Base => _base;

    /// <summary>The memory's current size in bytes.</summary>
    public long Length => _length;

    /// <summary><paramref name="length"/> bytes at guest address <paramref name="offset"/>.</summary>
    /// <exception cref="GuestMemoryAccessException">The bytes are not all inside the memory.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is 2 GiB or more, more than a span holds.</exception>
    public Span<byte> Slice(uint offset, uint length)
    {
        if ((ulong)offset + length > (ulong)_length)
        {
            throw new GuestMemoryAccessException(offset, length, _length);
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, (uint)int.MaxValue);
        return new Span<byte>(_base + offset, (int)length);
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
