using System.Text;

namespace WitHost.Wit.Binary;

/// <summary>
/// A forward-only reader over one region of a WebAssembly binary (a whole file, a section, a
/// nested module) that never reads past the region's end.
/// </summary>
/// <remarks>
/// Every read checks what remains; every count read from the bytes is checked against what
/// remains before anything is allocated for it, so no input, however hostile, makes the reader
/// throw anything but <see cref="ComponentFormatException"/>, allocate more than its input or
/// loop. Offsets in messages are absolute (from the start of the outermost binary).
/// </remarks>
internal sealed class WasmBinaryReader
{
    private readonly byte[] _bytes;
    private readonly int _end;
    private int _position;

    public WasmBinaryReader(byte[] bytes)
        : this(bytes, 0, bytes.Length)
    {
    }

    private WasmBinaryReader(byte[] bytes, int start, int end)
    {
        _bytes = bytes;
        _position = start;
        _end = end;
    }

    /// <summary>The absolute offset of the next byte.</summary>
    public int Position => _position;

    public bool AtEnd => _position >= _end;

    public int Remaining => _end - _position;

    public byte[] Bytes => _bytes;

    public ComponentFormatException Error(string message) => new(message, _position);

    public ComponentFormatException Error(string message, int offset) => new(message, offset);

    public byte ReadByte(string what)
    {
        if (_position >= _end)
        {
            throw Error($"unexpected end of {what}");
        }
        return _bytes[_position++];
    }

    public byte PeekByte(string what)
    {
        if (_position >= _end)
        {
            throw Error($"unexpected end of {what}");
        }
        return _bytes[_position];
    }

    /// <summary>An unsigned LEB128 of at most 32 bits, in at most 5 bytes, unused high bits zero.</summary>
    public uint ReadU32(string what)
    {
        int start = _position;
        uint result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte(what);
            if (shift == 28 && (b & 0x70) != 0)
            {
                throw Error($"{what}: integer too large for u32 (LEB128 overflows 32 bits)", start);
            }
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
            if (shift == 28)
            {
                throw Error($"{what}: integer representation too long (more than 5 LEB128 bytes)", start);
            }
        }
    }

    /// <summary>A signed LEB128 of at most 32 bits (a constant in a core instruction).</summary>
    public int ReadS32(string what)
    {
        int start = _position;
        int result = 0;
        int shift = 0;
        byte b;
        do
        {
            if (shift >= 35)
            {
                throw Error($"{what}: integer representation too long (more than 5 LEB128 bytes)", start);
            }
            b = ReadByte(what);
            result |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        if (shift < 32 && (b & 0x40) != 0)
        {
            result |= -1 << shift;
        }
        return result;
    }

    /// <summary>A count of items that each take at least one byte: checked against what remains.</summary>
    public int ReadCount(string what)
    {
        int start = _position;
        uint count = ReadU32(what);
        if (count > (uint)Remaining)
        {
            throw Error($"{what}: count {count} is larger than the {Remaining} bytes that remain", start);
        }
        return (int)count;
    }

    /// <summary>A length-prefixed UTF-8 name.</summary>
    public string ReadName(string what)
    {
        int start = _position;
        uint length = ReadU32(what);
        if (length > (uint)Remaining)
        {
            throw Error($"{what}: name of {length} bytes runs past the end", start);
        }
        string name;
        try
        {
            name = new UTF8Encoding(false, true).GetString(_bytes, _position, (int)length);
        }
        catch (DecoderFallbackException)
        {
            throw Error($"{what}: name is not valid UTF-8", start);
        }
        _position += (int)length;
        return name;
    }

    /// <summary>A region of <paramref name="length"/> bytes, as its own reader; this reader moves past it.</summary>
    public WasmBinaryReader ReadRegion(uint length, string what)
    {
        int start = _position;
        if (length > (uint)Remaining)
        {
            throw Error($"{what}: size {length} runs past the end ({Remaining} bytes remain)", start);
        }
        _position += (int)length;
        return new WasmBinaryReader(_bytes, start, start + (int)length);
    }

    /// <summary>Throws unless the region was read to its end.</summary>
    public void ExpectEnd(string what)
    {
        if (_position != _end)
        {
            throw Error($"{what}: {_end - _position} unexpected bytes before its end");
        }
    }

    /// <summary>The region's bytes from <paramref name="start"/> (absolute) to the current position.</summary>
    public byte[] CopyFrom(int start)
    {
        var copy = new byte[_position - start];
        Array.Copy(_bytes, start, copy, 0, copy.Length);
        return copy;
    }

    public void Skip(int count, string what)
    {
        if (count < 0 || count > Remaining)
        {
            throw Error($"unexpected end of {what}");
        }
        _position += count;
    }
}
