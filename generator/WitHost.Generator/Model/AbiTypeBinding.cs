using WitHost.Wit.Abi;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// A WIT value type as the marshalling stage needs it: its C# type and every Canonical ABI number
/// (size, alignment, flat types, offsets), taken from <see cref="CanonicalLayout"/> when binding so
/// the emitter writes them as constants and never computes layout itself.
/// </summary>
/// <param name="Kind">Which lift and lower apply.</param>
/// <param name="CSharpType">The C# type, fully qualified.</param>
/// <param name="Size">The byte size in linear memory.</param>
/// <param name="Alignment">The byte alignment in linear memory.</param>
/// <param name="Flat">The flat core types.</param>
/// <param name="Children">List and fixed-length list: the element; map: its entry, a (key, value) tuple; tuple and record: the fields; option: none's (<see cref="AbiTypeKind.None"/>) and some's payload; result: ok and error; variant: each case's payload (<see cref="AbiTypeKind.None"/> when it has none).</param>
/// <param name="Offsets">Tuple and record: each field's byte offset.</param>
/// <param name="MemberNames">Record: the property names; variant: the nested case record names; enum: the member names.</param>
/// <param name="PayloadOffset">Option, result, variant: the payload's byte offset after the discriminant.</param>
/// <param name="DiscriminantSize">Enum, option, result, variant: the discriminant's byte size.</param>
/// <param name="CaseCount">Enum and variant: the number of cases; flags: the number of flags.</param>
/// <param name="VariantPayloadName">Variant: the payload property of the case records.</param>
/// <param name="ResourceTableName">Own and borrow handles: the field of the instance's resource tables
/// their index points into (a <c>HandleTable</c> for an imported resource, a <c>RepTable</c> for an exported one).</param>
/// <param name="FixedLength">Fixed-length list: its element count N.</param>
internal sealed record AbiTypeBinding(
    AbiTypeKind Kind,
    string CSharpType,
    uint Size,
    uint Alignment,
    EquatableArray<CoreValueType> Flat,
    EquatableArray<AbiTypeBinding> Children,
    EquatableArray<uint> Offsets,
    EquatableArray<string> MemberNames,
    uint PayloadOffset,
    uint DiscriminantSize,
    int CaseCount,
    string VariantPayloadName,
    string ResourceTableName,
    uint FixedLength = 0)
{
    /// <summary>List and option: which of their C# forms <see cref="CSharpType"/> is.</summary>
    public CSharpShape Shape { get; init; }

    /// <summary>
    /// Own and borrow handles of an exported resource whose <see cref="CSharpType"/> is the user's
    /// C#-first interface: the generated handle class that implements it, which lifting creates and
    /// lowering needs. Null when <see cref="CSharpType"/> is the handle class itself.
    /// </summary>
    public string? HandleClass { get; init; }

    /// <summary>Stream and future: the element type as WIT writes it (empty without elements), which names the channel's type at run time.</summary>
    public string ElementWitName { get; init; } = "";

    /// <summary>Stream and future: the element type by its structure (<c>StructuralTypeName</c>), which tells the channel's type from others at run time.</summary>
    public string ElementStructure { get; init; } = "";

    /// <summary>
    /// True when values of this type need guest memory (strings and lists, anywhere inside; streams
    /// and futures, whose elements move through the guest's memory and whose element codec takes the
    /// call's string encoding from its context).
    /// </summary>
    public bool NeedsMemory => Kind is AbiTypeKind.String or AbiTypeKind.List or AbiTypeKind.Map or AbiTypeKind.Stream or AbiTypeKind.Future || Children.Any(child => child.NeedsMemory);
}
