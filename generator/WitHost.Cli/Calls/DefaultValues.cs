using System.Collections.Immutable;
using System.Text;
using WitHost.Wamr.Values;
using WitHost.Wit.Model;

namespace WitHost.Cli.Calls;

/// <summary>
/// The value a stub import returns under <c>--imports default</c>: zero, false, the empty string
/// or list, <c>none</c>, the first case (with its payload's default), <c>ok</c> of the default,
/// no flags. A handle has no default: the command owns no resource it could hand out.
/// </summary>
internal static class DefaultValues
{
    public static WitValue For(WitType type) => type.Unaliased switch
    {
        WitPrimitiveType { Kind: WitPrimitiveKind.Bool } => new WitBoolValue(false),
        WitPrimitiveType { Kind: WitPrimitiveKind.F32 } => new WitFloat32Value(0),
        WitPrimitiveType { Kind: WitPrimitiveKind.F64 } => new WitFloat64Value(0),
        WitPrimitiveType { Kind: WitPrimitiveKind.Char } => new WitCharValue(new Rune(0)),
        WitPrimitiveType { Kind: WitPrimitiveKind.String } => new WitStringValue(""),
        WitPrimitiveType => new WitIntegerValue(0),
        WitListType { Length: { } length } fixedList => new WitListValue(Enumerable.Repeat(For(fixedList.Element), (int)length).ToImmutableArray()),
        WitListType or WitMapType => new WitListValue(ImmutableArray<WitValue>.Empty),
        WitRecordType record => new WitRecordValue(record.Fields.Select(field => new WitFieldValue(field.Name, For(field.Type))).ToImmutableArray()),
        WitTupleType tuple => new WitTupleValue(tuple.Elements.Select(For).ToImmutableArray()),
        WitVariantType variant => new WitVariantValue(variant.Cases[0].Name, variant.Cases[0].Payload is { } payload ? For(payload) : null),
        WitEnumType @enum => new WitEnumValue(@enum.Cases[0].Name),
        WitFlagsType => new WitFlagsValue(ImmutableArray<string>.Empty),
        WitOptionType => new WitOptionValue(null),
        WitResultType result => new WitResultValue(true, result.Ok is { } ok ? For(ok) : null),
        var other => throw new NoDefaultValueException(other),
    };
}

/// <summary>A type (a handle, future or stream) for which no stub value can be made up.</summary>
internal sealed class NoDefaultValueException(WitType type)
    : Exception($"no default value of {type}: wit-host call implements no resource, so it has no handle to hand out")
{
}
