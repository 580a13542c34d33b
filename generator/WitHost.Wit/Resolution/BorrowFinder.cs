using WitHost.Wit.Model;

namespace WitHost.Wit.Resolution;

/// <summary>Finds <c>borrow&lt;T&gt;</c> anywhere inside a type; borrows may only appear in parameters.</summary>
internal static class BorrowFinder
{
    public static bool Contains(WitType? type) => type switch
    {
        null => false,
        WitHandleType handle => handle.Kind == WitHandleKind.Borrow,
        WitAliasType alias => Contains(alias.Target),
        WitRecordType record => record.Fields.Any(field => Contains(field.Type)),
        WitVariantType variant => variant.Cases.Any(item => Contains(item.Payload)),
        WitListType list => Contains(list.Element),
        WitTupleType tuple => tuple.Elements.Any(Contains),
        WitOptionType option => Contains(option.Payload),
        WitResultType result => Contains(result.Ok) || Contains(result.Err),
        WitMapType map => Contains(map.Key) || Contains(map.Value),
        WitFutureType future => Contains(future.Payload),
        WitStreamType stream => Contains(stream.Payload),
        _ => false,
    };
}
