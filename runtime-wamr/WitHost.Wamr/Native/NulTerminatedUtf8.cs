using System.Text;

namespace WitHost.Wamr.Native;

/// <summary>
/// UTF-8 text ending in a NUL byte: how WAMR's C API takes names (exports, import modules and
/// fields) and WASI arguments. A string that contains NUL itself cannot be passed that way, since C
/// would read only the part before it, so it is refused rather than cut short.
/// </summary>
internal static unsafe class NulTerminatedUtf8
{
    /// <summary>Whether <paramref name="value"/> can be passed to C whole (it contains no NUL).</summary>
    public static bool CanEncode(string value) => !value.Contains('\0');

    /// <summary>The bytes <paramref name="value"/> takes, the terminating NUL included.</summary>
    public static int ByteCount(string value) => Encoding.UTF8.GetByteCount(value) + 1;

    /// <summary>
    /// Writes <paramref name="value"/> and its terminating NUL to <paramref name="destination"/>
    /// (at least <see cref="ByteCount"/> bytes); returns the bytes written, the NUL included.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains NUL.</exception>
    public static int Write(string value, Span<byte> destination)
    {
        if (!CanEncode(value))
        {
            throw ContainsNul(value);
        }
        int length = Encoding.UTF8.GetBytes(value, destination);
        destination[length] = 0;
        return length + 1;
    }

    /// <summary>
    /// A C array of <paramref name="values"/> (<c>char*[]</c>, with a null pointer after the last),
    /// the pointers and the texts they point at in one native block.
    /// </summary>
    /// <exception cref="ArgumentException">A value contains NUL; nothing was allocated.</exception>
    public static NativeBlock Array(IReadOnlyList<string> values)
    {
        int pointersLength = sizeof(nint) * (values.Count + 1);
        int length = pointersLength;
        foreach (string value in values)
        {
            if (!CanEncode(value))
            {
                throw ContainsNul(value);
            }
            length = checked(length + ByteCount(value));
        }

        var block = NativeBlock.Allocate((nuint)length);
        var pointers = (byte**)block.Pointer;
        int offset = pointersLength;
        for (int i = 0; i < values.Count; i++)
        {
            pointers[i] = block.Pointer + offset;
            offset += Write(values[i], new Span<byte>(block.Pointer + offset, length - offset));
        }
        return block;
    }

    private static ArgumentException ContainsNul(string value) =>
        new($"'{value.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL character, which the C API would read as the end of the text.", "value");
}
