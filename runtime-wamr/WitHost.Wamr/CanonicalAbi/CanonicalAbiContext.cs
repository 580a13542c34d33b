using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// The state one lift or lower works in: the guest's memory and allocator, the string encoding,
/// and the function being called (named in trap messages). Every memory access goes through the
/// bounds checks here, so a bad pointer from the guest is a trap and never a read outside memory.
/// </summary>
public sealed class CanonicalAbiContext
{
    /// <summary>The largest string, in bytes, the ABI moves (<see cref="CanonicalRules.MaxByteLength"/>).</summary>
    public const uint MaxStringByteLength = CanonicalRules.MaxByteLength;

    /// <summary>The largest list, in bytes, the ABI moves (<see cref="CanonicalRules.MaxByteLength"/>).</summary>
    public const uint MaxListByteLength = CanonicalRules.MaxByteLength;

    /// <summary>
    /// The default of <see cref="MaxLiftBytes"/>: 64 MiB. Far more than a call's values usually
    /// take, and small enough that a guest cannot make a host with a few such calls in flight run
    /// out of memory; a host that moves more raises <see cref="InstanceOptions.MaxLiftBytes"/>.
    /// </summary>
    public const ulong DefaultMaxLiftBytes = 64ul << 20;

    /// <summary>Creates a context whose lifts may create up to <paramref name="maxLiftBytes"/> bytes of host values.</summary>
    public CanonicalAbiContext(ICanonicalMemory memory, StringEncoding encoding, string functionName, ulong maxLiftBytes = DefaultMaxLiftBytes)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(functionName);
        Memory = memory;
        _instanceMemory = memory as WamrCanonicalMemory;
        Encoding = encoding;
        FunctionName = functionName;
        MaxLiftBytes = maxLiftBytes;
    }

    /// <summary>
    /// The most host memory the lifts of this context (one call) may create from strings and
    /// lists. Each string counts two bytes per code unit it declares (a .NET char each), each list
    /// its element count times the larger of its element size in guest memory and the least its
    /// host form takes per element (<see cref="CheckListForLift"/>; docs/reliability.md).
    /// The Canonical ABI bounds each string and list, not how many there are: a list of a million
    /// strings that all point at one 3 MiB block is 8 MiB of guest memory and six terabytes of host
    /// strings. Past the budget the call traps.
    /// </summary>
    public ulong MaxLiftBytes { get; }

    /// <summary>The bytes this context's lifts have counted so far.</summary>
    public ulong LiftedBytes { get; private set; }

    /// <summary>The guest memory and allocator.</summary>
    public ICanonicalMemory Memory { get; }

    // Memory, when it is a runtime instance's (every generated and dynamic call's): the accesses
    // each string and list makes (its size, a slice, the cabi_realloc) call it directly, where the
    // JIT inlines them, instead of through the interface, whose dispatch cost more than the
    // accesses (about 17 instructions each, 14 of them in a 16-byte string call; callgrind).
    private readonly WamrCanonicalMemory? _instanceMemory;

    /// <summary>The string encoding both sides agreed on.</summary>
    public StringEncoding Encoding { get; private set; }

    /// <summary>The function whose arguments or results are moved.</summary>
    public string FunctionName { get; private set; }

    /// <summary>
    /// Makes this context a fresh one for another call on the same memory: nothing lifted yet,
    /// the memory looked up again. Lets an instance reuse one context for its whole calls
    /// (<see cref="WamrInstance.CallContext"/>) instead of allocating one per call.
    /// </summary>
    internal void Reset(StringEncoding encoding, string functionName)
    {
        Encoding = encoding;
        FunctionName = functionName;
        LiftedBytes = 0;
        Refresh();
    }

    /// <summary>
    /// Says the guest ran since the memory was last read (the export was invoked, or a host
    /// implementation may have called into the guest): the next access looks the memory up again.
    /// </summary>
    public void Refresh()
    {
        if (_instanceMemory is { } instanceMemory)
        {
            instanceMemory.Refresh();
        }
        else
        {
            Memory.Refresh();
        }
    }

    /// <summary>A trap for the function being called, with <paramref name="message"/>.</summary>
    public WasmTrapException Trap(string message) => Memory.Trap(FunctionName, message);

    /// <summary>
    /// <c>cabi_realloc</c>, checked as the ABI requires: the block must be aligned and inside memory.
    /// </summary>
    public uint Reallocate(uint originalPointer, uint originalSize, uint alignment, uint newSize)
    {
        if (_instanceMemory is { } instanceMemory)
        {
            // WamrInstance.Realloc makes these checks (its trap names cabi_realloc); once is enough.
            return instanceMemory.Realloc(originalPointer, originalSize, alignment, newSize);
        }

        var pointer = Memory.Realloc(originalPointer, originalSize, alignment, newSize);
        return CanonicalRules.ReallocResultError(pointer, alignment, newSize, Memory.Size) is { } error ? throw Trap(error) : pointer;
    }

    /// <summary>A fresh block: <c>cabi_realloc(0, 0, alignment, size)</c>, checked.</summary>
    public uint Allocate(uint alignment, uint size) => Reallocate(0, 0, alignment, size);

    /// <summary>
    /// The checks before a list of <paramref name="length"/> elements of
    /// <paramref name="elementSize"/> bytes at <paramref name="pointer"/> is lifted: the ABI's length
    /// limit, alignment, bounds, and the call's lift budget, which the list is counted against at
    /// the larger of <paramref name="elementSize"/> and <paramref name="hostElementBytes"/> (what
    /// the caller's host representation takes at least per element) per element. Generated
    /// bindings and the dynamic codec both lift lists through this.
    /// </summary>
    public void CheckListForLift(uint pointer, uint length, uint elementSize, uint alignment, uint hostElementBytes)
    {
        if (CanonicalRules.ListLengthError(length, elementSize) is { } error)
        {
            throw Trap(error);
        }

        var byteLength = (ulong)length * elementSize;
        CheckRange(pointer, byteLength, alignment, "the list");
        ChargeLift((ulong)length * Math.Max(Math.Max(elementSize, hostElementBytes), 1), "a list");
    }

    /// <summary>
    /// Counts <paramref name="hostBytes"/> of host memory a lift is about to create against
    /// <see cref="MaxLiftBytes"/>; past it, a trap. <paramref name="what"/> names the value.
    /// </summary>
    public void ChargeLift(ulong hostBytes, string what)
    {
        var total = LiftedBytes + hostBytes;
        if (total > MaxLiftBytes || total < hostBytes)
        {
            throw Trap($"{what} of {hostBytes} bytes would take the values lifted in this call past the limit of {MaxLiftBytes} bytes (InstanceOptions.MaxLiftBytes)");
        }

        LiftedBytes = total;
    }

    /// <summary>Traps unless <paramref name="pointer"/> is aligned and <paramref name="length"/> bytes there are inside memory; <paramref name="what"/> names the thing there in the message.</summary>
    public void CheckRange(uint pointer, ulong length, uint alignment, string what)
    {
        var size = MemorySize;
        if ((alignment > 1 && pointer % alignment != 0) || pointer + length > size)
        {
            throw RangeTrap(pointer, length, alignment, what, size);
        }
    }

    /// <summary><paramref name="length"/> bytes at <paramref name="pointer"/>, or a trap when they are not all inside memory.</summary>
    // Inlined, as ReadUnsigned and WriteUnsigned are: generated bindings read and write each field
    // through them, and the calls cost more than the check and the read.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Slice(uint pointer, uint length)
    {
        var size = MemorySize;
        // Strings and lists are at most 2^28 bytes (2^29 for UTF-16), so a span always holds them.
        if (pointer + (ulong)length > size || length > int.MaxValue)
        {
            throw SliceTrap(pointer, length, size);
        }

        return _instanceMemory is { } instanceMemory ? instanceMemory.Slice(pointer, (int)length) : Memory.Slice(pointer, (int)length);
    }

    private ulong MemorySize
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _instanceMemory is { } instanceMemory ? instanceMemory.Size : Memory.Size;
    }

    // The traps of CheckRange and Slice, out of line: the messages' formatting, inline, made
    // every check set up a frame for it (a check is on each access of a string call).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WasmTrapException RangeTrap(uint pointer, ulong length, uint alignment, string what, ulong size) =>
        alignment > 1 && pointer % alignment != 0
            ? Trap($"{what} at {pointer} is not aligned to {alignment}")
            : Trap($"{what} of {length} bytes at {pointer} is outside the memory of {size} bytes");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WasmTrapException SliceTrap(uint pointer, uint length, ulong size) =>
        pointer + (ulong)length > size
            ? Trap($"out of bounds memory access: {length} bytes at {pointer} in a memory of {size} bytes")
            : Trap($"{length} bytes at {pointer} are more than the host can view at once");

    /// <summary>Reads a little-endian unsigned integer of <paramref name="size"/> (1, 2, 4 or 8) bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadUnsigned(uint pointer, uint size)
    {
        var bytes = Slice(pointer, size);
        return size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        };
    }

    /// <summary>Writes the low <paramref name="size"/> (1, 2, 4 or 8) bytes of <paramref name="value"/>, little-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteUnsigned(uint pointer, uint size, ulong value)
    {
        var bytes = Slice(pointer, size);
        switch (size)
        {
            case 1:
                bytes[0] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
                break;
            case 4:
                BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value);
                break;
            default:
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
                break;
        }
    }
}
