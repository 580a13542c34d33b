using WitHost.Generator.Model;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// Binds a WIT value type for marshalling: its C# type from <see cref="TypeMapper"/> and its layout
/// from the ABI model (<see cref="CanonicalLayout"/>), so every number the emitter writes was decided here.
/// </summary>
internal sealed class AbiTypeBinder
{
    private static readonly AbiTypeBinding NoPayload = new(
        AbiTypeKind.None, "global::WitHost.Unit", 0, 1, EquatableArray<CoreValueType>.Empty, EquatableArray<AbiTypeBinding>.Empty,
        EquatableArray<uint>.Empty, EquatableArray<string>.Empty, 0, 0, 0, "", "");

    private readonly TypeMapper _mapper;
    private readonly Func<WitResourceType, string?>? _tableFieldOf;

    /// <param name="mapper">Maps WIT types to C# types.</param>
    /// <param name="tableFieldOf">The table field of a resource's handles when it is not the one
    /// named after the handle's C# type (a named import's own tables); null to keep that name.</param>
    public AbiTypeBinder(TypeMapper mapper, Func<WitResourceType, string?>? tableFieldOf = null)
    {
        _mapper = mapper;
        _tableFieldOf = tableFieldOf;
    }

    /// <summary>The binding of <paramref name="type"/>.</summary>
    /// <exception cref="UnsupportedConstructException">The type has no C# mapping.</exception>
    /// <exception cref="CallNotGeneratedException">The marshalling stage does not move values of this type yet.</exception>
    public AbiTypeBinding Bind(WitType type)
    {
        var csharp = _mapper.Map(type);
        var unaliased = type.Unaliased;
        var kind = KindOf(unaliased);
        if (kind is AbiTypeKind.Own or AbiTypeKind.Borrow && !_mapper.IsImported(ResourceOf(unaliased).Owner))
        {
            kind = kind == AbiTypeKind.Own ? AbiTypeKind.ExportedOwn : AbiTypeKind.ExportedBorrow;
        }

        var layout = CanonicalLayout.Of(unaliased);
        var children = EquatableArray<AbiTypeBinding>.Empty;
        var offsets = EquatableArray<uint>.Empty;
        var names = EquatableArray<string>.Empty;
        uint payloadOffset = 0;
        uint discriminantSize = 0;
        var caseCount = 0;
        var payloadName = "";
        var tableName = "";
        uint fixedLength = 0;

        switch (unaliased)
        {
            case WitHandleType or WitResourceType:
                tableName = _tableFieldOf?.Invoke(ResourceOf(unaliased)) ?? CSharpNames.ResourceTableField(csharp);
                break;
            case WitListType list:
                children = EquatableArray.Create(Bind(list.Element));
                fixedLength = list.Length ?? 0;
                break;
            case WitMapType map:
                children = EquatableArray.Create(Bind(Despecialized.MapEntry(map)));
                break;
            case WitTupleType tuple:
                children = tuple.Elements.Select(Bind).ToEquatableArray();
                offsets = CanonicalLayout.FieldOffsets(tuple.Elements).ToEquatableArray();
                break;
            case WitRecordType record:
                children = record.Fields.Select(field => Bind(field.Type)).ToEquatableArray();
                offsets = CanonicalLayout.FieldOffsets(record.Fields.Select(field => field.Type).ToList()).ToEquatableArray();
                names = DeclarationNames.RecordFields(record).ToEquatableArray();
                break;
            case WitEnumType @enum:
                caseCount = @enum.Cases.Count;
                discriminantSize = CanonicalLayout.DiscriminantSize(caseCount);
                break;
            case WitFlagsType flags:
                caseCount = flags.Flags.Count;
                break;
            case WitOptionType option:
                // The cases of option<T> are none and some(T), in that order.
                children = EquatableArray.Create(NoPayload, Bind(option.Payload));
                (discriminantSize, payloadOffset, caseCount) = Discriminated(unaliased);
                break;
            case WitResultType result:
                children = EquatableArray.Create(BindPayload(result.Ok), BindPayload(result.Err));
                (discriminantSize, payloadOffset, caseCount) = Discriminated(unaliased);
                break;
            case WitStreamType stream:
                children = EquatableArray.Create(BindPayload(stream.Payload));
                break;
            case WitFutureType future:
                children = EquatableArray.Create(BindPayload(future.Payload));
                break;
            case WitVariantType variant:
                children = variant.Cases.Select(@case => BindPayload(@case.Payload)).ToEquatableArray();
                (discriminantSize, payloadOffset, caseCount) = Discriminated(unaliased);
                var (caseNames, payload) = DeclarationNames.VariantCases(variant);
                names = caseNames.ToEquatableArray();
                payloadName = payload;
                break;
        }

        return new AbiTypeBinding(kind, csharp, layout.Size, layout.Alignment, layout.Flat, children, offsets, names, payloadOffset, discriminantSize, caseCount, payloadName, tableName, fixedLength)
        {
            Shape = unaliased switch
            {
                WitListType list when TypeMapper.IsBytes(list) => CSharpShape.Bytes,
                WitListType { Length: null } => CSharpShape.Array,
                WitOptionType option => TypeMapper.WrapsOption(option) ? CSharpShape.WrappedOption : CSharpShape.NullableOption,
                _ => CSharpShape.Plain,
            },
            ElementWitName = unaliased switch
            {
                WitStreamType { Payload: { } payload } => payload.ToString(),
                WitFutureType { Payload: { } payload } => payload.ToString(),
                _ => "",
            },
            ElementStructure = unaliased switch
            {
                WitStreamType stream => StructuralTypeName.Of(stream.Payload),
                WitFutureType future => StructuralTypeName.Of(future.Payload),
                _ => "",
            },
        };
    }

    private static WitResourceType ResourceOf(WitType handle) => handle is WitHandleType { Resource: var resource } ? resource : (WitResourceType)handle;

    private AbiTypeBinding BindPayload(WitType? payload) => payload is null ? NoPayload : Bind(payload);

    private static (uint DiscriminantSize, uint PayloadOffset, int CaseCount) Discriminated(WitType type)
    {
        var cases = Despecialized.Cases(type)!;
        return (CanonicalLayout.DiscriminantSize(cases.Count), CanonicalLayout.PayloadOffset(cases), cases.Count);
    }

    private static AbiTypeKind KindOf(WitType type) => type switch
    {
        WitPrimitiveType primitive => primitive.Kind switch
        {
            WitPrimitiveKind.Bool => AbiTypeKind.Bool,
            WitPrimitiveKind.S8 => AbiTypeKind.S8,
            WitPrimitiveKind.U8 => AbiTypeKind.U8,
            WitPrimitiveKind.S16 => AbiTypeKind.S16,
            WitPrimitiveKind.U16 => AbiTypeKind.U16,
            WitPrimitiveKind.S32 => AbiTypeKind.S32,
            WitPrimitiveKind.U32 => AbiTypeKind.U32,
            WitPrimitiveKind.S64 => AbiTypeKind.S64,
            WitPrimitiveKind.U64 => AbiTypeKind.U64,
            WitPrimitiveKind.F32 => AbiTypeKind.F32,
            WitPrimitiveKind.F64 => AbiTypeKind.F64,
            WitPrimitiveKind.Char => AbiTypeKind.Char,
            WitPrimitiveKind.String => AbiTypeKind.String,
            _ => throw new UnsupportedConstructException(primitive.Kind.ToString()),
        },

        // A fixed-length list flattens element by element and is not a pointer and length.
        WitListType { Length: not null } => AbiTypeKind.FixedList,
        WitListType => AbiTypeKind.List,
        WitTupleType => AbiTypeKind.Tuple,
        WitRecordType => AbiTypeKind.Record,
        WitEnumType => AbiTypeKind.Enum,
        WitFlagsType => AbiTypeKind.Flags,
        WitOptionType => AbiTypeKind.Option,
        WitResultType => AbiTypeKind.Result,
        WitVariantType => AbiTypeKind.Variant,
        // Handles of exported resources become ExportedOwn and ExportedBorrow in Bind.
        WitHandleType { Kind: WitHandleKind.Own } => AbiTypeKind.Own,
        WitHandleType => AbiTypeKind.Borrow,
        WitResourceType => AbiTypeKind.Own,
        WitMapType => AbiTypeKind.Map,
        WitStreamType => AbiTypeKind.Stream,
        WitFutureType => AbiTypeKind.Future,
        WitErrorContextType => AbiTypeKind.ErrorContext,
        _ => throw new CallNotGeneratedException(type.ToString()),
    };
}
