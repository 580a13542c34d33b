using System.Text;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// A value type written out by its structure, the way the Canonical ABI tells types apart: aliases
/// resolved, records, variants, enums and flags spelled with their labels and the types they hold
/// (their names are not part of the type), a resource handle by the resource's qualified name (each
/// resource is a type of its own). Two types are the same exactly when these names are equal:
/// <c>type bytes = u8</c> makes <c>stream&lt;bytes&gt;</c> a <c>stream&lt;u8&gt;</c>, while
/// <c>stream&lt;list&lt;u8&gt;&gt;</c> and <c>stream&lt;list&lt;u16&gt;&gt;</c> differ. The spec's
/// stream and future built-ins trap when a handle's type is not theirs (<c>e.shared.t != stream_t.t</c>
/// in definitions.py), comparing its type values, which hold no names.
/// </summary>
public static class StructuralTypeName
{
    /// <summary>The structural name of <paramref name="type"/>; empty for none (a stream or future without elements).</summary>
    public static string Of(WitType? type)
    {
        if (type is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        Write(builder, type);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, WitType type)
    {
        switch (type.Unaliased)
        {
            case WitPrimitiveType primitive:
                builder.Append(primitive.ToString());
                break;
            case WitListType list:
                builder.Append("list<");
                Write(builder, list.Element);
                builder.Append(list.Length is { } length ? ", " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ">" : ">");
                break;
            case WitMapType map:
                WriteApplied(builder, "map", map.Key, map.Value);
                break;
            case WitOptionType option:
                WriteApplied(builder, "option", option.Payload);
                break;
            case WitResultType result:
                WriteApplied(builder, "result", result.Ok, result.Err);
                break;
            case WitTupleType tuple:
                WriteApplied(builder, "tuple", tuple.Elements.Select(element => (WitType?)element).ToArray());
                break;
            case WitRecordType record:
                builder.Append("record { ");
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ").Append(record.Fields[i].Name).Append(": ");
                    Write(builder, record.Fields[i].Type);
                }

                builder.Append(" }");
                break;
            case WitVariantType variant:
                builder.Append("variant { ");
                for (var i = 0; i < variant.Cases.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ").Append(variant.Cases[i].Name);
                    if (variant.Cases[i].Payload is { } payload)
                    {
                        builder.Append('(');
                        Write(builder, payload);
                        builder.Append(')');
                    }
                }

                builder.Append(" }");
                break;
            case WitEnumType @enum:
                builder.Append("enum { ").Append(string.Join(", ", @enum.Cases.Select(@case => @case.Name))).Append(" }");
                break;
            case WitFlagsType flags:
                builder.Append("flags { ").Append(string.Join(", ", flags.Flags.Select(flag => flag.Name))).Append(" }");
                break;
            case WitHandleType handle:
                builder.Append(handle.Kind == WitHandleKind.Own ? "own<" : "borrow<").Append(ResourceName(handle.Resource)).Append('>');
                break;
            case WitResourceType resource:
                // A resource named where a value goes is its own handle.
                builder.Append("own<").Append(ResourceName(resource)).Append('>');
                break;
            case WitStreamType stream:
                builder.Append("stream");
                WritePayload(builder, stream.Payload);
                break;
            case WitFutureType future:
                builder.Append("future");
                WritePayload(builder, future.Payload);
                break;
            case WitErrorContextType:
                builder.Append("error-context");
                break;
            default:
                throw new ArgumentException($"No structural name for {type}.", nameof(type));
        }
    }

    // name<a, b…>, "_" standing for a type left out (result<_, e>).
    private static void WriteApplied(StringBuilder builder, string name, params WitType?[] arguments)
    {
        builder.Append(name).Append('<');
        for (var i = 0; i < arguments.Length; i++)
        {
            builder.Append(i == 0 ? "" : ", ");
            if (arguments[i] is { } argument)
            {
                Write(builder, argument);
            }
            else
            {
                builder.Append('_');
            }
        }

        builder.Append('>');
    }

    private static void WritePayload(StringBuilder builder, WitType? payload)
    {
        if (payload is not null)
        {
            builder.Append('<');
            Write(builder, payload);
            builder.Append('>');
        }
    }

    private static string ResourceName(WitResourceType resource) => resource.Owner.QualifiedName + "." + resource.Name;
}
