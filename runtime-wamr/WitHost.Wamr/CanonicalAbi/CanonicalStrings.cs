using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Moves strings between .NET and guest memory in the three Canonical ABI encodings, with the
/// allocation sequence the spec fixes (each string gets its own <c>cabi_realloc</c> calls, in
/// order) and the validation it requires when reading (length limit, alignment, bounds, encoding).
/// </summary>
public static unsafe class CanonicalStrings
{
    /// <summary>The bit of a <c>latin1+utf16</c> length that marks UTF-16 content.</summary>
    public const uint Utf16Tag = 1u << 31;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16 = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Copies <paramref name="value"/> into a fresh guest allocation and returns its pointer and
    /// (tagged) length in code units, as <c>store_string_into_range</c> does for a host string.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> has a lone surrogate, which no WIT string can hold,
    /// or is longer in the guest's encoding than the Canonical ABI's limit (<see cref="CanonicalRules.MaxByteLength"/> bytes).</exception>
    public static (uint Pointer, uint TaggedCodeUnits) Store(CanonicalAbiContext context, string value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(value);
        if (context.Encoding == StringEncoding.Utf8)
        {
            // Counting the UTF-8 bytes checks for lone surrogates on the way.
            return StoreUtf8(context, value);
        }

        if (!IsWellFormed(value))
        {
            throw LoneSurrogate(nameof(value));
        }

        return context.Encoding == StringEncoding.Utf16 ? StoreUtf16(context, value) : StoreLatin1OrUtf16(context, value);
    }

    /// <summary>
    /// Throws when <paramref name="value"/> is not UTF-8. A caller of <see cref="StoreUtf8"/>
    /// checks first, before the call it lowers for starts: a bad argument then costs the guest nothing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not valid UTF-8 (for <paramref name="parameterName"/>).</exception>
    public static void CheckUtf8(ReadOnlySpan<byte> value, string parameterName)
    {
        if (!IsUtf8(value))
        {
            throw new ArgumentException("The bytes are not valid UTF-8; WIT strings hold Unicode scalar values only.", parameterName);
        }
    }

    /// <summary>
    /// Copies the UTF-8 bytes <paramref name="utf8"/>, already checked with <see cref="CheckUtf8"/>,
    /// into a fresh guest allocation and returns its pointer and (tagged) length in code units, as
    /// <see cref="Store"/> does for a string: a UTF-8 guest gets the bytes as they are.
    /// </summary>
    public static (uint Pointer, uint TaggedCodeUnits) StoreUtf8(CanonicalAbiContext context, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Encoding == StringEncoding.Utf8)
        {
            ThrowIfTooLong((ulong)utf8.Length, nameof(utf8));
            var length = (uint)utf8.Length;
            var pointer = context.Allocate(1, length);
            utf8.CopyTo(context.Slice(pointer, length));
            return (pointer, length);
        }

        // A UTF-16 or latin1+utf16 guest: the bytes become a string, which takes the string's
        // paths (and their allocation sequence). One more copy, on the encodings that transcode anyway.
        return Store(context, Encoding.UTF8.GetString(utf8));
    }

    /// <summary>
    /// Reads the string at <paramref name="pointer"/> with (tagged) length
    /// <paramref name="taggedCodeUnits"/>, trapping on anything the spec rejects.
    /// </summary>
    public static string Load(CanonicalAbiContext context, uint pointer, uint taggedCodeUnits)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = CheckedBytes(context, pointer, taggedCodeUnits, out var encoding);
        if (ReferenceEquals(encoding, StrictUtf8) && Ascii.IsValid(bytes))
        {
            return AsciiString(bytes);
        }

        return Decode(context, encoding, bytes, pointer);
    }

    /// <summary>
    /// Reads the string at <paramref name="pointer"/> as <see cref="Load"/> does, with the same
    /// checks and traps, and appends it to <paramref name="writer"/> as UTF-8; returns the number
    /// of bytes written. From a UTF-8 guest that is one copy, without a string.
    /// </summary>
    public static int LoadUtf8(CanonicalAbiContext context, uint pointer, uint taggedCodeUnits, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        if (context.Encoding != StringEncoding.Utf8)
        {
            // UTF-16 or Latin-1 in the guest: decoded (and checked) by Load, then encoded as UTF-8.
            var text = Load(context, pointer, taggedCodeUnits);
            var count = Encoding.UTF8.GetByteCount(text);
            Encoding.UTF8.GetBytes(text, writer.GetSpan(count));
            writer.Advance(count);
            return count;
        }

        var bytes = CheckedBytes(context, pointer, taggedCodeUnits, out var encoding);
        if (!IsUtf8(bytes))
        {
            // The strict decoder finds the byte and throws the trap Load throws.
            Decode(context, encoding, bytes, pointer);
        }

        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
        return bytes.Length;
    }

    // The checks of a string's lift, whatever it is lifted into: the length limit, alignment and
    // bounds, and the lift budget. Returns the string's bytes in guest memory and their encoding.
    private static ReadOnlySpan<byte> CheckedBytes(CanonicalAbiContext context, uint pointer, uint taggedCodeUnits, out Encoding encoding)
    {
        ulong byteLength;
        uint alignment;
        switch (context.Encoding)
        {
            case StringEncoding.Utf8:
                (encoding, byteLength, alignment) = (StrictUtf8, taggedCodeUnits, 1);
                break;
            case StringEncoding.Utf16:
                (encoding, byteLength, alignment) = (StrictUtf16, 2ul * taggedCodeUnits, 2);
                break;
            default:
                alignment = 2;
                var isUtf16 = (taggedCodeUnits & Utf16Tag) != 0;
                encoding = isUtf16 ? StrictUtf16 : Encoding.Latin1;
                byteLength = isUtf16 ? 2ul * (taggedCodeUnits ^ Utf16Tag) : taggedCodeUnits;
                break;
        }

        if (CanonicalRules.StringLengthError(byteLength) is { } error)
        {
            throw context.Trap(error);
        }

        context.CheckRange(pointer, byteLength, alignment, "the string");

        // At most one char per byte (UTF-8, Latin-1) or per two (UTF-16), two bytes each.
        var hostBytes = ReferenceEquals(encoding, StrictUtf16) ? byteLength : 2 * byteLength;
        context.ChargeLift(hostBytes, "a string");
        return context.Slice(pointer, (uint)byteLength);
    }

    // Most text is ASCII: its check is one vector compare for 16 bytes, where Utf8.IsValid's scan
    // took about 65 instructions (callgrind, a 16-byte call checks an argument and a result).
    private static bool IsUtf8(ReadOnlySpan<byte> bytes) => Ascii.IsValid(bytes) || Utf8.IsValid(bytes);

    // The encoding check of a lifted string: bytes that do not decode are a trap naming the first bad one.
    private static string Decode(CanonicalAbiContext context, Encoding encoding, ReadOnlySpan<byte> bytes, uint pointer)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var name = ReferenceEquals(encoding, StrictUtf8) ? "UTF-8" : "UTF-16";
            throw context.Trap($"string at {pointer} is not valid {name} (byte {exception.Index} of {bytes.Length})");
        }
    }

    private static (uint, uint) StoreUtf8(CanonicalAbiContext context, string value)
    {
        // Most strings are ASCII, one byte per char: one check says so, and the copy narrows
        // each char. The strict encoder's count and copy (which find lone surrogates) took about
        // 150 instructions more for 16 chars (callgrind), most of it the calls between its layers.
        // Every char is at least one byte: a string longer than the limit in chars is too long.
        ThrowIfTooLong((ulong)value.Length, nameof(value));
        if (Ascii.IsValid(value))
        {
            var length = (uint)value.Length;
            var block = context.Allocate(1, length);
            Ascii.FromUtf16(value, context.Slice(block, length), out _);
            return (block, length);
        }

        uint byteLength;
        try
        {
            byteLength = (uint)StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            throw LoneSurrogate(nameof(value));
        }

        ThrowIfTooLong(byteLength, nameof(value));
        var pointer = context.Allocate(1, byteLength);
        StrictUtf8.GetBytes(value, context.Slice(pointer, byteLength));
        return (pointer, byteLength);
    }

    private static (uint, uint) StoreUtf16(CanonicalAbiContext context, string value)
    {
        ThrowIfTooLong(2ul * (uint)value.Length, nameof(value));
        var byteLength = 2u * (uint)value.Length;
        var pointer = context.Allocate(2, byteLength);
        StrictUtf16.GetBytes(value, context.Slice(pointer, byteLength));
        return (pointer, (uint)value.Length);
    }

    // store_string_to_latin1_or_utf16 for a UTF-16 source: optimistically Latin-1 in a block of
    // one byte per code unit; at the first character above U+00FF grow the block to UTF-16,
    // widen the bytes written so far and write the rest as UTF-16.
    private static (uint, uint) StoreLatin1OrUtf16(CanonicalAbiContext context, string value)
    {
        var codeUnits = (uint)value.Length;
        // Checked before the first block: the string goes to UTF-16, twice its code units in
        // bytes, when it has a char above U+00FF (looked for only when that would be too long).
        ThrowIfTooLong(codeUnits, nameof(value));
        if (2ul * codeUnits > CanonicalRules.MaxByteLength && !Latin1Only(value))
        {
            ThrowIfTooLong(2ul * codeUnits, nameof(value));
        }

        var pointer = context.Allocate(2, codeUnits);
        uint written = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value < 0x100)
            {
                context.Slice(pointer + written, 1)[0] = (byte)rune.Value;
                written++;
                continue;
            }

            var worstCase = 2 * codeUnits;
            pointer = context.Reallocate(pointer, codeUnits, 2, worstCase);
            var block = context.Slice(pointer, worstCase);
            for (var j = (int)written - 1; j >= 0; j--)
            {
                block[2 * j] = block[j];
                block[(2 * j) + 1] = 0;
            }

            StrictUtf16.GetBytes(value.AsSpan((int)written), block[(int)(2 * written)..]);
            return (pointer, codeUnits | Utf16Tag);
        }

        if (written < codeUnits)
        {
            pointer = context.Reallocate(pointer, codeUnits, 2, written);
        }

        return (pointer, written);
    }

    // UTF-8 that is all ASCII, checked by the caller: each byte widens to its char. Encoding's
    // GetString would count the chars, then decode, each through a virtual call and a validating
    // scan (about 150 instructions more for 16 bytes, callgrind).
    private static string AsciiString(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* source = bytes)
        {
            return string.Create(bytes.Length, (nint)source, static (chars, source) =>
                Ascii.ToUtf16(new ReadOnlySpan<byte>((byte*)source, chars.Length), chars, out _));
        }
    }

    // store_string_copy and its kin trap on a string longer than the limit; here the string is
    // the host's argument, so it is refused as one, before its block is allocated.
    private static void ThrowIfTooLong(ulong byteLength, string parameterName)
    {
        if (CanonicalRules.StringLengthError(byteLength) is { } error)
        {
            throw new ArgumentException($"The {error}: it cannot be passed to the guest.", parameterName);
        }
    }

    private static bool Latin1Only(string value) => !value.AsSpan().ContainsAnyExceptInRange((char)0, (char)0xFF);

    private static ArgumentException LoneSurrogate(string parameterName)
        => new("The string has a lone surrogate; WIT strings hold Unicode scalar values only.", parameterName);

    private static bool IsWellFormed(string value)
    {
        // The strict encoder rejects exactly the lone surrogates.
        try
        {
            StrictUtf8.GetByteCount(value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
