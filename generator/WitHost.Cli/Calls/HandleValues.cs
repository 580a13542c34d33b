using System.Collections.Immutable;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Cli.Calls;

/// <summary>Rewrites the handles inside a value, wherever its type puts them (fields, elements, payloads).</summary>
internal static class HandleValues
{
    public static WitValue Map(WitType type, WitValue value, Func<WitHandleType, WitHandleValue, WitValue> map)
    {
        switch (type.Unaliased, value)
        {
            case (WitHandleType handle, WitHandleValue handleValue):
                return map(handle, handleValue);
            case (WitResourceType resource, WitHandleValue handleValue):
                return map(new WitHandleType(WitHandleKind.Own, resource), handleValue);
            case (WitListType list, WitListValue listValue):
                return new WitListValue(listValue.Elements.Select(element => Map(list.Element, element, map)).ToImmutableArray());
            case (WitMapType map_, WitListValue entries):
                var entry = Despecialized.MapEntry(map_);
                return new WitListValue(entries.Elements.Select(element => Map(entry, element, map)).ToImmutableArray());
            case (WitRecordType record, WitRecordValue recordValue):
                return new WitRecordValue(recordValue.Fields
                    .Select(field => new WitFieldValue(field.Name, Map(record.Fields.First(f => f.Name == field.Name).Type, field.Value, map)))
                    .ToImmutableArray());
            case (WitTupleType tuple, WitTupleValue tupleValue):
                return new WitTupleValue(tupleValue.Elements.Select((element, i) => Map(tuple.Elements[i], element, map)).ToImmutableArray());
            case (WitVariantType variant, WitVariantValue { Payload: { } payload } variantValue):
                return new WitVariantValue(variantValue.Case, Map(variant.Cases.First(c => c.Name == variantValue.Case).Payload!, payload, map));
            case (WitOptionType option, WitOptionValue { Value: { } inner }):
                return new WitOptionValue(Map(option.Payload, inner, map));
            case (WitResultType result, WitResultValue { Payload: { } payload } resultValue):
                return new WitResultValue(resultValue.IsOk, Map((resultValue.IsOk ? result.Ok : result.Err)!, payload, map));
            default:
                return value;
        }
    }
}
