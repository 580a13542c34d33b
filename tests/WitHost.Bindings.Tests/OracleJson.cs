using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using WitHost.Wamr.Values;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Reads a value written in the jco oracle's JSON mapping (tests/crosscheck/README.md, "Values")
/// as a dynamic <see cref="WitValue"/> of the given WIT type: the bridge from what jco printed to
/// something the generated bindings' answers can be compared with.
/// </summary>
internal static class OracleJson
{
    public static WitValue ToValue(JsonNode? json, WitType type)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                return Primitive(json, primitive.Kind);
            case WitListType list:
                // Lists of numbers come as typed arrays: {"$u8": [...]}.
                var items = json is JsonObject typed ? typed.Single().Value!.AsArray() : json!.AsArray();
                return new WitListValue(items.Select(item => ToValue(item, list.Element)).ToImmutableArray());
            case WitOptionType option when option.Payload.Unaliased is WitOptionType:
                // The outer option of option<option<T>> is tagged, the inner one plain.
                var tag = json!["tag"]!.GetValue<string>();
                return tag == "none" ? WitOptionValue.None : new WitOptionValue(ToValue(json["val"], option.Payload));
            case WitOptionType option:
                return json is null ? WitOptionValue.None : new WitOptionValue(ToValue(json, option.Payload));
            case WitResultType result:
                var isOk = json!["tag"]!.GetValue<string>() == "ok";
                var payload = isOk ? result.Ok : result.Err;
                return new WitResultValue(isOk, payload is null ? null : ToValue(json["val"], payload));
            case WitTupleType tuple:
                var elements = json!.AsArray();
                return new WitTupleValue(tuple.Elements.Select((element, i) => ToValue(elements[i], element)).ToImmutableArray());
            case WitRecordType record:
                // Fields in lowerCamelCase; an option field that is none is left out.
                return new WitRecordValue(record.Fields
                    .Select(field => new WitFieldValue(field.Name, ToValue(json![LowerCamelCase(field.Name)], field.Type)))
                    .ToImmutableArray());
            case WitVariantType variant:
                var @case = variant.Cases.Single(c => c.Name == json!["tag"]!.GetValue<string>());
                return new WitVariantValue(@case.Name, @case.Payload is null ? null : ToValue(json!["val"], @case.Payload));
            case WitEnumType:
                return new WitEnumValue(json!.GetValue<string>());
            case WitFlagsType flags:
                return new WitFlagsValue(flags.Flags
                    .Where(flag => json![LowerCamelCase(flag.Name)]!.GetValue<bool>())
                    .Select(flag => flag.Name)
                    .ToImmutableArray());
            default:
                throw new NotSupportedException("The oracle mapping has no form for " + type);
        }
    }

    private static WitValue Primitive(JsonNode? json, WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool => new WitBoolValue(json!.GetValue<bool>()),
        WitPrimitiveKind.F32 => new WitFloat32Value((float)Float(json)),
        WitPrimitiveKind.F64 => new WitFloat64Value(Float(json)),
        WitPrimitiveKind.Char => new WitCharValue(Rune.GetRuneAt(json!.GetValue<string>(), 0)),
        WitPrimitiveKind.String => new WitStringValue(json!.GetValue<string>()),
        _ => new WitIntegerValue(Integer(json)),
    };

    /// <summary>A number, or <c>{"$bigint": "digits"}</c> for 64-bit integers.</summary>
    private static Int128 Integer(JsonNode? json)
        => json is JsonObject big
            ? (Int128)BigInteger.Parse(big["$bigint"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            : (Int128)json!.GetValue<decimal>();

    /// <summary>
    /// A number, or <c>{"$float": "NaN" | "Infinity" | "-Infinity" | "-0"}</c>. The oracle's JSON
    /// keeps no NaN payload; a lifted NaN is the canonical one, which "NaN" stands for.
    /// </summary>
    private static double Float(JsonNode? json) => json is JsonObject special
        ? special["$float"]!.GetValue<string>() switch
        {
            "NaN" => BitConverter.UInt64BitsToDouble(WitHost.Wamr.CanonicalAbi.CanonicalRules.CanonicalNaN64),
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            "-0" => -0.0,
            var other => throw new FormatException("Unknown $float " + other),
        }
        : json!.GetValue<double>();

    private static string LowerCamelCase(string witName)
    {
        var parts = witName.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
