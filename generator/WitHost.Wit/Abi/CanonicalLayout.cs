using System.Runtime.CompilerServices;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// Size, alignment and flattening of WIT types for a 32-bit linear memory, as the Canonical ABI
/// defines them (<c>elem_size</c>, <c>alignment</c>, <c>flatten_type</c>).
/// </summary>
public static class CanonicalLayout
{
    /// <summary>The byte size of a pointer (and of a length) in a 32-bit memory.</summary>
    public const uint PointerSize = 4;

    // Layouts are asked for again and again while walking values (every list element, every
    // variant case); types are immutable, so the answer is kept per type instance.
    private static readonly ConditionalWeakTable<WitType, AbiTypeLayout> Cache = new();

    /// <summary>Size, alignment and flat core types of <paramref name="type"/>.</summary>
    public static AbiTypeLayout Of(WitType type)
    {
        if (Cache.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var computed = Compute(type);
        try
        {
            Cache.Add(type, computed);
        }
        catch (ArgumentException)
        {
            // Another thread added it first; both answers are equal.
        }

        return computed;
    }

    /// <summary>The byte size of <paramref name="type"/>.</summary>
    public static uint Size(WitType type) => Of(type).Size;

    /// <summary>The byte alignment of <paramref name="type"/>.</summary>
    public static uint Alignment(WitType type) => Of(type).Alignment;

    /// <summary>The flat core types of <paramref name="type"/>.</summary>
    public static EquatableArray<CoreValueType> Flatten(WitType type) => Of(type).Flat;

    /// <summary>Rounds <paramref name="offset"/> up to a multiple of <paramref name="alignment"/>.</summary>
    public static uint AlignTo(uint offset, uint alignment) => (offset + alignment - 1) / alignment * alignment;

    /// <summary>The byte size (1, 2 or 4) of the discriminant of a variant with <paramref name="caseCount"/> cases.</summary>
    public static uint DiscriminantSize(int caseCount)
        => caseCount <= 1 << 8 ? 1u : caseCount <= 1 << 16 ? 2u : 4u;

    /// <summary>The byte offset of each field of a record or tuple with these field types.</summary>
    public static uint[] FieldOffsets(IReadOnlyList<WitType> fields)
    {
        var offsets = new uint[fields.Count];
        uint offset = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var layout = Of(fields[i]);
            offset = AlignTo(offset, layout.Alignment);
            offsets[i] = offset;
            offset += layout.Size;
        }

        return offsets;
    }

    /// <summary>
    /// The byte offset of the payload of a variant with these cases: after the discriminant,
    /// aligned to the largest payload alignment.
    /// </summary>
    public static uint PayloadOffset(IReadOnlyList<WitType?> cases)
        => AlignTo(DiscriminantSize(cases.Count), MaxCaseAlignment(cases));

    /// <summary>
    /// The number of 32-bit words a flags type with <paramref name="flagCount"/> flags needs when it
    /// has more than 32 flags (older Component Model revisions allowed that: one i32 per 32 flags).
    /// </summary>
    public static int FlagWords(int flagCount) => (flagCount + 31) / 32;

    /// <summary>The byte size of a flags type with <paramref name="flagCount"/> flags.</summary>
    public static uint FlagsSize(int flagCount)
        => flagCount <= 8 ? 1u : flagCount <= 16 ? 2u : 4u * (uint)FlagWords(flagCount);

    private static AbiTypeLayout Compute(WitType type)
    {
        if (EmptyKind(type.Unaliased) is { } kind)
        {
            // The resolver reports these as WIT0402; a model built by hand can still hold one.
            throw new ArgumentException($"The Canonical ABI has no layout for an empty {kind} ({type}): WIT needs at least one member in every {kind}.", nameof(type));
        }

        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                return Primitive(primitive.Kind);
            case WitListType { Length: { } length } fixedList:
                var element = Of(fixedList.Element);
                return new AbiTypeLayout(element.Size * length, element.Alignment, Repeat(element.Flat, length));
            case WitListType:
            case WitMapType:
                return new AbiTypeLayout(2 * PointerSize, PointerSize, EquatableArray.Create(CoreValueType.I32, CoreValueType.I32));
            case WitFlagsType flags:
                var count = flags.Flags.Count;
                var size = FlagsSize(count);
                var flat = new CoreValueType[FlagWords(count)];
                for (var i = 0; i < flat.Length; i++)
                {
                    flat[i] = CoreValueType.I32;
                }

                return new AbiTypeLayout(size, Math.Min(size, 4u), flat.ToEquatableArray());
            case WitHandleType:
            case WitFutureType:
            case WitStreamType:
            case WitErrorContextType:
                return new AbiTypeLayout(4, 4, EquatableArray.Create(CoreValueType.I32));
            case WitResourceType:
                // A resource named in a value position means own<r>.
                return new AbiTypeLayout(4, 4, EquatableArray.Create(CoreValueType.I32));
        }

        if (Despecialized.Fields(type) is { } fields)
        {
            return Record(fields);
        }

        if (Despecialized.Cases(type) is { } cases)
        {
            return Variant(cases);
        }

        throw new ArgumentException($"The Canonical ABI has no layout for {type}.", nameof(type));
    }

    private static string? EmptyKind(WitType type) => type switch
    {
        WitRecordType { Fields.Count: 0 } => "record",
        WitTupleType { Elements.Count: 0 } => "tuple",
        WitFlagsType { Flags.Count: 0 } => "flags",
        WitEnumType { Cases.Count: 0 } => "enum",
        WitVariantType { Cases.Count: 0 } => "variant",
        _ => null,
    };

    private static AbiTypeLayout Primitive(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool or WitPrimitiveKind.S8 or WitPrimitiveKind.U8 => Scalar(1, CoreValueType.I32),
        WitPrimitiveKind.S16 or WitPrimitiveKind.U16 => Scalar(2, CoreValueType.I32),
        WitPrimitiveKind.S32 or WitPrimitiveKind.U32 or WitPrimitiveKind.Char => Scalar(4, CoreValueType.I32),
        WitPrimitiveKind.S64 or WitPrimitiveKind.U64 => Scalar(8, CoreValueType.I64),
        WitPrimitiveKind.F32 => Scalar(4, CoreValueType.F32),
        WitPrimitiveKind.F64 => Scalar(8, CoreValueType.F64),
        _ => new AbiTypeLayout(2 * PointerSize, PointerSize, EquatableArray.Create(CoreValueType.I32, CoreValueType.I32)),
    };

    private static AbiTypeLayout Scalar(uint size, CoreValueType flat) => new(size, size, EquatableArray.Create(flat));

    private static AbiTypeLayout Record(IReadOnlyList<WitType> fields)
    {
        uint size = 0;
        uint alignment = 1;
        var flat = new List<CoreValueType>();
        foreach (var field in fields)
        {
            var layout = Of(field);
            size = AlignTo(size, layout.Alignment) + layout.Size;
            alignment = Math.Max(alignment, layout.Alignment);
            flat.AddRange(layout.Flat);
        }

        return new AbiTypeLayout(AlignTo(size, alignment), alignment, flat.ToEquatableArray());
    }

    private static AbiTypeLayout Variant(IReadOnlyList<WitType?> cases)
    {
        var discriminantSize = DiscriminantSize(cases.Count);
        var caseAlignment = MaxCaseAlignment(cases);
        uint payloadSize = 0;
        var payloadFlat = new List<CoreValueType>();
        foreach (var payload in cases)
        {
            if (payload is null)
            {
                continue;
            }

            var layout = Of(payload);
            payloadSize = Math.Max(payloadSize, layout.Size);
            for (var i = 0; i < layout.Flat.Count; i++)
            {
                if (i < payloadFlat.Count)
                {
                    payloadFlat[i] = CoreValueType.Join(payloadFlat[i], layout.Flat[i]);
                }
                else
                {
                    payloadFlat.Add(layout.Flat[i]);
                }
            }
        }

        var alignment = Math.Max(discriminantSize, caseAlignment);
        var size = AlignTo(AlignTo(discriminantSize, caseAlignment) + payloadSize, alignment);
        payloadFlat.Insert(0, CoreValueType.I32);
        return new AbiTypeLayout(size, alignment, payloadFlat.ToEquatableArray());
    }

    private static uint MaxCaseAlignment(IReadOnlyList<WitType?> cases)
    {
        uint alignment = 1;
        foreach (var payload in cases)
        {
            if (payload is not null)
            {
                alignment = Math.Max(alignment, Of(payload).Alignment);
            }
        }

        return alignment;
    }

    private static EquatableArray<CoreValueType> Repeat(EquatableArray<CoreValueType> flat, uint times)
    {
        var result = new List<CoreValueType>(flat.Count * (int)Math.Min(times, 1024u));
        for (uint i = 0; i < times; i++)
        {
            result.AddRange(flat);
        }

        return result.ToEquatableArray();
    }
}
