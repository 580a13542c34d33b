using System.Buffers.Binary;
using System.Text;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Seeded random memory images holding a value of a given WIT type in its Canonical ABI layout,
/// mostly valid and now and then broken the ways a guest can break one: discriminants out of
/// range, bools other than 0 and 1, chars that are surrogates or past U+10FFFF, flag bits past the
/// last flag, invalid UTF-8, strings and lists that are misaligned, lie outside memory or are
/// longer than the Canonical ABI allows, and floats of every class, NaNs with any sign and payload.
/// Padding and the bytes around the value are random too.
/// </summary>
internal sealed class RandomMemoryImage
{
    private const uint HeapEnd = 32768;

    private readonly Random _random;
    private readonly byte[] _memory;
    private uint _next;

    public RandomMemoryImage(int seed, int memorySize)
    {
        _random = new Random(seed);
        _memory = new byte[memorySize];
    }

    /// <summary>A fresh image with a value of <paramref name="type"/> at <paramref name="pointer"/>; strings and lists go from <paramref name="heapStart"/> up.</summary>
    public byte[] Next(WitType type, uint pointer, uint heapStart)
    {
        _random.NextBytes(_memory);
        _next = heapStart;
        Write(type, pointer, depth: 0);
        if (CanonicalLayout.Flatten(type).Count == 1)
        {
            // Returned as one flat value loaded from the pointer: the bytes past a value narrower
            // than an i32 are its high bits. A lift ignores them for narrow integers and flags but not for
            // a discriminant or a char, so they are mostly zero and rarely left random.
            var size = CanonicalLayout.Size(type);
            if (size < 4 && !Rarely())
            {
                _memory.AsSpan((int)(pointer + size), (int)(4 - size)).Clear();
            }
        }

        return _memory;
    }

    // One decision in sixteen breaks a rule.
    private bool Rarely() => _random.Next(16) == 0;

    private void Write(WitType type, uint at, int depth)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                WritePrimitive(primitive.Kind, at, depth);
                return;
            case WitListType list:
                WriteList(list.Element, at, depth);
                return;
            case WitRecordType record:
                WriteFields(record.Fields.Select(field => field.Type).ToList(), at, depth);
                return;
            case WitTupleType tuple:
                WriteFields(tuple.Elements, at, depth);
                return;
            case WitVariantType variant:
                WriteVariant(variant.Cases.Select(@case => @case.Payload).ToList(), at, depth);
                return;
            case WitEnumType @enum:
                WriteVariant(@enum.Cases.Select(_ => (WitType?)null).ToList(), at, depth);
                return;
            case WitOptionType option:
                WriteVariant([null, option.Payload], at, depth);
                return;
            case WitResultType result:
                WriteVariant([result.Ok, result.Err], at, depth);
                return;
            case WitFlagsType flags:
                var size = (int)CanonicalLayout.FlagsSize(flags.Flags.Count);
                var bits = _random.NextInt64() | (long)_random.Next() << 32;
                if (!Rarely())
                {
                    // Mostly only the bits of real flags; rarely the unused ones too, which a lift ignores.
                    bits &= flags.Flags.Count >= 63 ? long.MaxValue : (1L << flags.Flags.Count) - 1;
                }

                for (var i = 0; i < size; i++)
                {
                    _memory[at + i] = (byte)(bits >> (8 * i));
                }

                return;
            default:
                throw new NotSupportedException("No memory images for " + type);
        }
    }

    private void WriteFields(IReadOnlyList<WitType> fields, uint at, int depth)
    {
        var offsets = CanonicalLayout.FieldOffsets(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            Write(fields[i], at + offsets[i], depth + 1);
        }
    }

    private void WriteVariant(IReadOnlyList<WitType?> cases, uint at, int depth)
    {
        var discriminant = Rarely() ? (uint)(cases.Count + _random.Next(3)) : (uint)_random.Next(cases.Count);
        var size = CanonicalLayout.DiscriminantSize(cases.Count);
        for (var i = 0; i < size; i++)
        {
            _memory[at + i] = (byte)(discriminant >> (8 * i));
        }

        if (discriminant < cases.Count && cases[(int)discriminant] is { } payload)
        {
            Write(payload, at + CanonicalLayout.PayloadOffset(cases), depth + 1);
        }
    }

    private void WritePrimitive(WitPrimitiveKind kind, uint at, int depth)
    {
        var memory = _memory.AsSpan((int)at);
        switch (kind)
        {
            case WitPrimitiveKind.Bool:
                memory[0] = Rarely() ? (byte)_random.Next(2, 256) : (byte)_random.Next(2);
                return;
            case WitPrimitiveKind.U8 or WitPrimitiveKind.S8:
            case WitPrimitiveKind.U16 or WitPrimitiveKind.S16:
            case WitPrimitiveKind.U32 or WitPrimitiveKind.S32:
            case WitPrimitiveKind.U64 or WitPrimitiveKind.S64:
                // The random bytes already there are the value.
                return;
            case WitPrimitiveKind.F32:
                BinaryPrimitives.WriteUInt32LittleEndian(memory, Float32Bits());
                return;
            case WitPrimitiveKind.F64:
                BinaryPrimitives.WriteUInt64LittleEndian(memory, Float64Bits());
                return;
            case WitPrimitiveKind.Char:
                BinaryPrimitives.WriteUInt32LittleEndian(memory, CodePoint());
                return;
            case WitPrimitiveKind.String:
                WriteString(at, depth);
                return;
            default:
                throw new NotSupportedException("No memory images for " + kind);
        }
    }

    private uint Float32Bits() => _random.Next(6) switch
    {
        0 => 0x7fc00000,
        // A NaN of either sign with a random payload (quiet or signalling).
        1 => (uint)_random.Next(2) << 31 | 0x7f800000 | (uint)_random.Next(1, 1 << 23),
        2 => _random.Next(2) == 0 ? 0x7f800000u : 0xff800000u,
        3 => _random.Next(2) == 0 ? 0u : 0x80000000u,
        _ => BitConverter.SingleToUInt32Bits((float)((_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-40, 39)))),
    };

    private ulong Float64Bits() => _random.Next(6) switch
    {
        0 => 0x7ff8000000000000,
        1 => (ulong)_random.Next(2) << 63 | 0x7ff0000000000000 | (ulong)_random.NextInt64(1, 1L << 52),
        2 => _random.Next(2) == 0 ? 0x7ff0000000000000ul : 0xfff0000000000000ul,
        3 => _random.Next(2) == 0 ? 0ul : 0x8000000000000000ul,
        _ => BitConverter.DoubleToUInt64Bits((_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-320, 309))),
    };

    private uint CodePoint()
    {
        if (Rarely())
        {
            return _random.Next(2) == 0 ? (uint)_random.Next(0xD800, 0xE000) : (uint)_random.NextInt64(0x110000, 1L << 32);
        }

        return (uint)NextRune().Value;
    }

    private Rune NextRune()
    {
        while (true)
        {
            var candidate = _random.Next(3) switch
            {
                0 => _random.Next(0x80),
                1 => _random.Next(0x800),
                _ => _random.Next(0x110000),
            };
            if (Rune.IsValid(candidate))
            {
                return new Rune(candidate);
            }
        }
    }

    private void WriteString(uint at, int depth)
    {
        var text = new StringBuilder();
        for (var count = _random.Next(depth < 3 ? 8 : 3); count > 0; count--)
        {
            text.Append(NextRune().ToString());
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        if (Rarely())
        {
            // Not UTF-8: a stray continuation byte, an overlong NUL, an encoded surrogate or a cut-off sequence.
            byte[][] broken = [[0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F], [0xFF]];
            bytes.InsertRange(_random.Next(bytes.Count + 1), broken[_random.Next(broken.Length)]);
        }

        var pointer = Allocate(1, (uint)bytes.Count);
        bytes.ToArray().CopyTo(_memory, pointer);
        WriteBlock(at, pointer, (uint)bytes.Count, alignment: 1);
    }

    private void WriteList(WitType element, uint at, int depth)
    {
        var layout = CanonicalLayout.Of(element);
        var count = (uint)_random.Next(depth < 2 ? 5 : 2);
        var pointer = Allocate(layout.Alignment, count * layout.Size);
        for (var i = 0u; i < count; i++)
        {
            Write(element, pointer + (i * layout.Size), depth + 1);
        }

        WriteBlock(at, pointer, count, layout.Alignment);
    }

    // The pointer and length of a string or list, rarely broken: misaligned, outside memory, or too long.
    private void WriteBlock(uint at, uint pointer, uint length, uint alignment)
    {
        if (Rarely())
        {
            switch (_random.Next(4))
            {
                case 0 when alignment > 1:
                    pointer++;
                    break;
                case 1:
                    pointer = (uint)_memory.Length - (uint)_random.Next(4) * alignment;
                    length += 3;
                    break;
                case 2:
                    pointer = uint.MaxValue - (alignment - 1) - (uint)_random.Next(16) * alignment;
                    break;
                default:
                    length = (1u << 28) + (uint)_random.Next(1 << 20);
                    break;
            }
        }

        BinaryPrimitives.WriteUInt32LittleEndian(_memory.AsSpan((int)at), pointer);
        BinaryPrimitives.WriteUInt32LittleEndian(_memory.AsSpan((int)at + 4), length);
    }

    private uint Allocate(uint alignment, uint size)
    {
        var pointer = CanonicalLayout.AlignTo(_next, alignment);
        if (pointer + size > HeapEnd)
        {
            throw new InvalidOperationException("The image's heap is full; make the values smaller.");
        }

        _next = pointer + size;
        return pointer;
    }
}
