using System.Text;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// WIT spellings of types for messages: <c>list&lt;option&lt;point&gt;&gt;</c>. Named types are
/// written by name. (The model records' generated <c>ToString</c> prints every member, which is
/// neither short nor WIT.)
/// </summary>
public static class WitTypeNames
{
    /// <summary>The WIT spelling of <paramref name="type"/>.</summary>
    public static string Format(WitType? type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, WitType? type)
    {
        switch (type)
        {
            case null:
                builder.Append('_');
                break;
            case WitNamedType named:
                builder.Append(named.Name);
                break;
            case WitPrimitiveType primitive:
                builder.Append(primitive.Kind.ToString().ToLowerInvariant());
                break;
            case WitListType list:
                builder.Append("list<");
                Append(builder, list.Element);
                builder.Append(list.Length is { } length ? ", " + length + ">" : ">");
                break;
            case WitMapType map:
                builder.Append("map<");
                Append(builder, map.Key);
                builder.Append(", ");
                Append(builder, map.Value);
                builder.Append('>');
                break;
            case WitOptionType option:
                builder.Append("option<");
                Append(builder, option.Payload);
                builder.Append('>');
                break;
            case WitResultType { Ok: null, Err: null }:
                builder.Append("result");
                break;
            case WitResultType result:
                builder.Append("result<");
                Append(builder, result.Ok);
                if (result.Err is not null)
                {
                    builder.Append(", ");
                    Append(builder, result.Err);
                }

                builder.Append('>');
                break;
            case WitTupleType tuple:
                builder.Append("tuple<");
                for (var i = 0; i < tuple.Elements.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    Append(builder, tuple.Elements[i]);
                }

                builder.Append('>');
                break;
            case WitHandleType handle:
                builder.Append(handle.Kind == WitHandleKind.Own ? "own<" : "borrow<").Append(handle.Resource.Name).Append('>');
                break;
            case WitFutureType future:
                AppendOptionalPayload(builder, "future", future.Payload);
                break;
            case WitStreamType stream:
                AppendOptionalPayload(builder, "stream", stream.Payload);
                break;
            case WitErrorContextType:
                builder.Append("error-context");
                break;
            default:
                builder.Append(type.GetType().Name);
                break;
        }
    }

    private static void AppendOptionalPayload(StringBuilder builder, string keyword, WitType? payload)
    {
        builder.Append(keyword);
        if (payload is not null)
        {
            builder.Append('<');
            Append(builder, payload);
            builder.Append('>');
        }
    }
}
