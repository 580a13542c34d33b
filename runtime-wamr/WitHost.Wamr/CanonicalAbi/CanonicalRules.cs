using System.Runtime.CompilerServices;
using System.Text;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// The Canonical ABI's rules on values, written once: the checks a lift makes on what the guest
/// gave, the limits on what is moved, and the conversions between a value and its core form.
/// Generated bindings (through <see cref="Bindings.BindingSupport"/>) and the dynamic codec
/// (<see cref="CanonicalLoad"/>, <see cref="CanonicalStore"/>, <see cref="CanonicalLift"/>,
/// <see cref="CanonicalLower"/>) both ask here, so the two paths cannot drift apart. Layout
/// (sizes, alignments, offsets, flat types and how a variant's cases join) is the ABI model's
/// (<see cref="CanonicalLayout"/>).
/// </summary>
/// <remarks>
/// A check on guest data returns null for a valid value and otherwise the trap message: each
/// caller raises the trap its own way (a context's <see cref="CanonicalAbiContext.Trap"/>, an
/// instance's fault) with the same words.
/// </remarks>
public static class CanonicalRules
{
    /// <summary>
    /// The largest string or list, in bytes, the Canonical ABI moves in either direction: 2^28 - 1
    /// (the spec's <c>MAX_STRING_BYTE_LENGTH</c> and its list length limit).
    /// </summary>
    public const uint MaxByteLength = (1u << 28) - 1;

    /// <summary>Null when <paramref name="discriminant"/> names one of <paramref name="caseCount"/> cases; else the trap message.</summary>
    public static string? DiscriminantError(ulong discriminant, int caseCount)
        => discriminant < (ulong)caseCount ? null : $"discriminant {discriminant} is out of range for a type with {caseCount} cases";

    /// <summary>
    /// Null when <paramref name="codePoint"/> is a Unicode scalar value, as a <c>char</c> must be;
    /// else (a surrogate, or past U+10FFFF) the trap message.
    /// </summary>
    public static string? CharError(ulong codePoint)
        => codePoint <= 0x10FFFF && Rune.IsValid((int)codePoint) ? null : $"{codePoint} (0x{codePoint:x}) is not a Unicode scalar value, so not a valid char";

    /// <summary>A lifted <c>bool</c>: any bits but zero are true (the spec's <c>convert_int_to_bool</c>).</summary>
    public static bool LiftBool(ulong bits) => bits != 0;

    /// <summary>A lowered <c>bool</c>: 1 or 0.</summary>
    public static uint LowerBool(bool value) => value ? 1u : 0u;

    /// <summary>The canonical f32 NaN (the spec's <c>CANONICAL_FLOAT32_NAN</c>).</summary>
    public const uint CanonicalNaN32 = 0x7fc00000;

    /// <summary>The canonical f64 NaN (the spec's <c>CANONICAL_FLOAT64_NAN</c>).</summary>
    public const ulong CanonicalNaN64 = 0x7ff8000000000000;

    /// <summary>
    /// An f32 as it crosses the boundary either way: any NaN becomes the canonical NaN, every other
    /// value keeps its bits. Lifting must do this (the spec's <c>canonicalize_nan32</c>, in
    /// <c>lift_flat</c> and <c>load</c>); lowering may scramble a NaN's sign and payload
    /// (<c>maybe_scramble_nan32</c>) and does it the deterministic profile's way, canonically, so
    /// what a guest receives does not depend on where a NaN came from.
    /// </summary>
    public static float CanonicalizeNaN(float value) => float.IsNaN(value) ? BitConverter.UInt32BitsToSingle(CanonicalNaN32) : value;

    /// <summary>An f64 as it crosses the boundary either way; see <see cref="CanonicalizeNaN(float)"/>.</summary>
    public static double CanonicalizeNaN(double value) => double.IsNaN(value) ? BitConverter.UInt64BitsToDouble(CanonicalNaN64) : value;

    /// <summary>Null when a string of <paramref name="byteLength"/> bytes is within <see cref="MaxByteLength"/>; else the trap message.</summary>
    // The checks of this class inline into the paths every string takes; their messages, formatted
    // inline, would give each caller's frame the formatting's set-up (callgrind), so they are not.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? StringLengthError(ulong byteLength)
        => byteLength <= MaxByteLength ? null : StringTooLong(byteLength);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string StringTooLong(ulong byteLength)
        => $"string of {byteLength} bytes is longer than the Canonical ABI allows ({MaxByteLength})";

    /// <summary>
    /// Null when a list of <paramref name="length"/> elements of <paramref name="elementSize"/>
    /// bytes the guest gave is within <see cref="MaxByteLength"/>; else the trap message.
    /// </summary>
    public static string? ListLengthError(uint length, uint elementSize)
    {
        var byteLength = (ulong)length * elementSize;
        return byteLength <= MaxByteLength ? null : $"list of {length} elements ({byteLength} bytes) is longer than the Canonical ABI allows ({MaxByteLength} bytes)";
    }

    /// <summary>
    /// The bytes of a list of <paramref name="count"/> elements of <paramref name="elementSize"/>
    /// bytes the host lowers into the guest. A longer list than the guest could lift back is the
    /// host's error, so it is refused before anything is allocated.
    /// </summary>
    /// <exception cref="ArgumentException">The list takes more than <see cref="MaxByteLength"/> bytes.</exception>
    public static uint LoweredListByteLength(long count, uint elementSize)
    {
        var byteLength = (ulong)count * elementSize;
        if (count < 0 || byteLength > MaxByteLength)
        {
            throw new ArgumentException($"A list of {count} elements of {elementSize} bytes ({byteLength} bytes) is longer than the Canonical ABI allows ({MaxByteLength} bytes).", nameof(count));
        }

        return (uint)byteLength;
    }

    /// <summary>
    /// Null when the block <c>cabi_realloc</c> returned, <paramref name="size"/> bytes at
    /// <paramref name="pointer"/>, is aligned to <paramref name="alignment"/> and inside a memory of
    /// <paramref name="memorySize"/> bytes; else the trap message.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? ReallocResultError(uint pointer, uint alignment, uint size, ulong memorySize)
        => (alignment > 1 && pointer % alignment != 0) || (ulong)pointer + size > memorySize
            ? ReallocResultMessage(pointer, alignment, size, memorySize)
            : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ReallocResultMessage(uint pointer, uint alignment, uint size, ulong memorySize)
        => alignment > 1 && pointer % alignment != 0
            ? $"cabi_realloc returned {pointer}, which is not aligned to {alignment}"
            : $"cabi_realloc returned {pointer}, but {size} bytes there fall outside the memory of {memorySize} bytes";

    /// <summary>
    /// The 32-bit words flags of <paramref name="flagCount"/> labels take as flat values and in
    /// the dynamic form: flag <c>i</c> is bit <c>i % 32</c> of word <c>i / 32</c>. At least one.
    /// </summary>
    public static int FlagWordCount(int flagCount) => Math.Max(1, CanonicalLayout.FlagWords(flagCount));

    /// <summary>The bits flags of <paramref name="flagCount"/> labels use; a lift ignores the others, as the spec says.</summary>
    public static ulong FlagsMask(int flagCount) => flagCount >= 64 ? ulong.MaxValue : (1UL << flagCount) - 1;

    /// <summary>
    /// The i32 an integer of 32 bits or fewer lowers to: signed narrow kinds are sign-extended
    /// (the spec's <c>lower_flat_signed</c>), unsigned ones zero-extended.
    /// </summary>
    public static uint LowerToI32(WitPrimitiveKind kind, ulong bits) => kind switch
    {
        WitPrimitiveKind.S8 => (uint)(sbyte)bits,
        WitPrimitiveKind.S16 => (uint)(short)bits,
        _ => (uint)bits,
    };

    /// <summary>
    /// A case's flat value of kind <paramref name="have"/> in a variant's joined slot (the spec's
    /// <c>lower_flat_variant</c> coercions): a 32-bit value is zero-extended into an i64 slot,
    /// floats keep their bits.
    /// </summary>
    public static ulong WidenToSlot(WasmValueKind have, ulong bits) => have.IsWide() ? bits : bits & 0xFFFF_FFFF;

    /// <summary>
    /// A variant's joined slot value as the kind <paramref name="want"/> its case has (the spec's
    /// <c>lift_flat_variant</c> coercions): every narrowing the join allows (i64 to i32, i64 to f32,
    /// i32 to f32, i64 to f64) keeps the bits, 32-bit kinds the low half.
    /// </summary>
    public static ulong NarrowFromSlot(CoreValueKind want, ulong bits)
        => want is CoreValueKind.I32 or CoreValueKind.F32 ? bits & 0xFFFF_FFFF : bits;
}
