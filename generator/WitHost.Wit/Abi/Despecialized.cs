using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// The Canonical ABI's view of the specialised WIT types: a tuple is a record of its elements, and
/// enum, option and result are variants (<c>none</c>/<c>some</c>, <c>ok</c>/<c>error</c>). Layout,
/// flattening, store, load, lift and lower only ever deal with these two general shapes.
/// </summary>
public static class Despecialized
{
    /// <summary>
    /// The field types of a record or tuple, in memory order; null for any other type.
    /// </summary>
    public static IReadOnlyList<WitType>? Fields(WitType type)
    {
        switch (type.Unaliased)
        {
            case WitRecordType record:
                var fields = new WitType[record.Fields.Count];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = record.Fields[i].Type;
                }

                return fields;
            case WitTupleType tuple:
                return tuple.Elements.AsImmutableArray();
            default:
                return null;
        }
    }

    /// <summary>
    /// The case payload types (null for a case without one) of a variant, enum, option or result,
    /// indexed by discriminant; null for any other type.
    /// </summary>
    public static IReadOnlyList<WitType?>? Cases(WitType type)
    {
        switch (type.Unaliased)
        {
            case WitVariantType variant:
                var cases = new WitType?[variant.Cases.Count];
                for (var i = 0; i < cases.Length; i++)
                {
                    cases[i] = variant.Cases[i].Payload;
                }

                return cases;
            case WitEnumType @enum:
                return new WitType?[@enum.Cases.Count];
            case WitOptionType option:
                return new WitType?[] { null, option.Payload };
            case WitResultType result:
                return new WitType?[] { result.Ok, result.Err };
            default:
                return null;
        }
    }

    /// <summary>The tuple a map is stored as: a list of these.</summary>
    public static WitTupleType MapEntry(WitMapType map)
        => new(Collections.EquatableArray.Create(map.Key, map.Value));
}
