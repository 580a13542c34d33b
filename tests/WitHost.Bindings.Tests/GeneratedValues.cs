using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using WitHost.Wamr.Values;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Converts between dynamic values and the generated C# types by reflection, following the
/// documented type mapping (docs/generator.md): records by constructor and PascalCase properties,
/// variants as nested case records with a <c>Value</c>, enums by PascalCase name, flags as
/// <c>[Flags]</c> enums, <c>T?</c> or
/// <c>Option&lt;T&gt;</c> for options, <c>Result&lt;T, E&gt;</c> (with <c>Unit</c>) for results,
/// arrays for lists and value tuples for tuples. Used where no guest echo can carry a value across.
/// </summary>
internal static class GeneratedValues
{
    /// <summary>The C# value of type <paramref name="clrType"/> for <paramref name="value"/>.</summary>
    public static object? ToClr(WitValue value, WitType type, Type clrType)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType:
                return value switch
                {
                    WitBoolValue b => b.Value,
                    WitIntegerValue i => Convert.ChangeType((decimal)i.Value, clrType, System.Globalization.CultureInfo.InvariantCulture),
                    WitFloat32Value f => f.Value,
                    WitFloat64Value d => d.Value,
                    WitCharValue c => c.Value,
                    WitStringValue s => s.Value,
                    _ => throw new ArgumentException($"{value} is not a {type}"),
                };
            case WitListType list:
                var elements = ((WitListValue)value).Elements;
                var elementType = clrType.GetElementType()!;
                var array = Array.CreateInstance(elementType, elements.Length);
                for (var i = 0; i < elements.Length; i++)
                {
                    array.SetValue(ToClr(elements[i], list.Element, elementType), i);
                }

                return array;
            case WitTupleType tuple:
                var items = ((WitTupleValue)value).Elements;
                var itemTypes = clrType.GetGenericArguments();
                return Activator.CreateInstance(clrType, tuple.Elements.Select((element, i) => ToClr(items[i], element, itemTypes[i])).ToArray());
            case WitRecordType record:
                var constructor = clrType.GetConstructors().Single(c => c.GetParameters().Length == record.Fields.Count);
                var parameters = constructor.GetParameters();
                var fields = ((WitRecordValue)value).Fields;
                return constructor.Invoke(record.Fields.Select((field, i) => ToClr(fields[i].Value, field.Type, parameters[i].ParameterType)).ToArray());
            case WitVariantType variant:
                var variantValue = (WitVariantValue)value;
                var caseType = clrType.GetNestedType(PascalCase(variantValue.Case))!;
                var @case = variant.Cases.Single(c => c.Name == variantValue.Case);
                return @case.Payload is null
                    ? Activator.CreateInstance(caseType)
                    : Activator.CreateInstance(caseType, ToClr(variantValue.Payload!, @case.Payload, caseType.GetProperty("Value")!.PropertyType));
            case WitEnumType:
                return Enum.Parse(clrType, PascalCase(((WitEnumValue)value).Case));
            case WitFlagsType:
                // A [Flags] enum: the set flags or-ed together.
                var bits = ((WitFlagsValue)value).Set.Aggregate(0UL, (set, flag) => set | Convert.ToUInt64(Enum.Parse(clrType, PascalCase(flag)), System.Globalization.CultureInfo.InvariantCulture));
                return Enum.ToObject(clrType, bits);
            case WitOptionType option:
                var some = ((WitOptionValue)value).Value;
                if (clrType.IsGenericType && clrType.GetGenericTypeDefinition() == typeof(Option<>))
                {
                    return some is null
                        ? Activator.CreateInstance(clrType)
                        : clrType.GetMethod("Some")!.Invoke(null, [ToClr(some, option.Payload, clrType.GetGenericArguments()[0])]);
                }

                return some is null ? null : ToClr(some, option.Payload, Nullable.GetUnderlyingType(clrType) ?? clrType);
            case WitResultType result:
                var resultValue = (WitResultValue)value;
                var arguments = clrType.GetGenericArguments();
                var payloadType = resultValue.IsOk ? result.Ok : result.Err;
                var payload = payloadType is null ? Unit.Value : ToClr(resultValue.Payload!, payloadType, arguments[resultValue.IsOk ? 0 : 1]);
                return clrType.GetMethod(resultValue.IsOk ? "Ok" : "Err")!.Invoke(null, [payload]);
            default:
                throw new NotSupportedException("No C# form for " + type);
        }
    }

    /// <summary>
    /// The generated wrapper named <paramref name="methodName"/> that takes and returns strings as
    /// <see cref="string"/>: a function with a top-level string also has a UTF-8 overload of that name
    /// (<c>ReadOnlySpan&lt;byte&gt;</c> arguments, an <c>IBufferWriter&lt;byte&gt;</c> for the result).
    /// </summary>
    public static System.Reflection.MethodInfo? StringFormWrapper(Type type, string methodName)
        => type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .SingleOrDefault(method => method.Name == methodName && !method.GetParameters().Any(parameter =>
                parameter.ParameterType == typeof(ReadOnlySpan<byte>) || parameter.ParameterType == typeof(System.Buffers.IBufferWriter<byte>)));

    /// <summary>The dynamic value of the generated C# <paramref name="value"/> of WIT type <paramref name="type"/>.</summary>
    public static WitValue ToWit(object? value, WitType type)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType:
                return value switch
                {
                    bool b => new WitBoolValue(b),
                    float f => new WitFloat32Value(f),
                    double d => new WitFloat64Value(d),
                    Rune r => new WitCharValue(r),
                    string s => new WitStringValue(s),
                    ulong u => new WitIntegerValue(u),
                    _ => new WitIntegerValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
                };
            case WitListType list:
                return new WitListValue(((IEnumerable)value!).Cast<object?>().Select(item => ToWit(item, list.Element)).ToImmutableArray());
            case WitTupleType tuple:
                var items = (ITuple)value!;
                return new WitTupleValue(tuple.Elements.Select((element, i) => ToWit(items[i], element)).ToImmutableArray());
            case WitRecordType record:
                return new WitRecordValue(record.Fields
                    .Select(field => new WitFieldValue(field.Name, ToWit(value!.GetType().GetProperty(PascalCase(field.Name))!.GetValue(value), field.Type)))
                    .ToImmutableArray());
            case WitVariantType variant:
                var @case = variant.Cases.Single(c => PascalCase(c.Name) == value!.GetType().Name);
                return new WitVariantValue(@case.Name, @case.Payload is null ? null : ToWit(value!.GetType().GetProperty("Value")!.GetValue(value), @case.Payload));
            case WitEnumType @enum:
                return new WitEnumValue(@enum.Cases.Single(c => PascalCase(c.Name) == value!.ToString()).Name);
            case WitFlagsType flags:
                var set = (Enum)value!;
                return new WitFlagsValue(flags.Flags
                    .Where(flag => set.HasFlag((Enum)Enum.Parse(set.GetType(), PascalCase(flag.Name))))
                    .Select(flag => flag.Name)
                    .ToImmutableArray());
            case WitOptionType option:
                if (value is not null && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(Option<>))
                {
                    var hasValue = (bool)value.GetType().GetProperty("HasValue")!.GetValue(value)!;
                    return hasValue ? new WitOptionValue(ToWit(value.GetType().GetProperty("Value")!.GetValue(value), option.Payload)) : WitOptionValue.None;
                }

                return value is null ? WitOptionValue.None : new WitOptionValue(ToWit(value, option.Payload));
            case WitResultType result:
                var isOk = (bool)value!.GetType().GetProperty("IsOk")!.GetValue(value)!;
                var payloadType = isOk ? result.Ok : result.Err;
                return new WitResultValue(isOk, payloadType is null ? null : ToWit(value.GetType().GetProperty(isOk ? "Value" : "Error")!.GetValue(value), payloadType));
            default:
                throw new NotSupportedException("No dynamic form for " + type);
        }
    }

    public static string PascalCase(string witName)
        => string.Concat(witName.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));
}
