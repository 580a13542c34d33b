using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wit.Resolution;

/// <summary>
/// Copies the world-level types and functions of an included world into the including world, as
/// wit-parser does: the copies are owned by the including world, and every reference between them
/// (a function parameter of an included record, a handle to an included resource) points at the
/// copies, so the including world's items form a consistent tree of their own.
/// </summary>
internal sealed class WorldTypeRehomer
{
    private readonly WitOwner _from;
    private readonly WitOwner _to;
    private readonly Dictionary<WitNamedType, WitNamedType> _copies = new();

    public WorldTypeRehomer(WitOwner from, WitOwner to)
    {
        _from = from;
        _to = to;
    }

    /// <summary>The item as it appears in the including world, named <paramref name="name"/>.</summary>
    public WitWorldItem Rehome(WitWorldItem item, string name) => item switch
    {
        WitWorldTypeItem type when type.Type.Owner.Equals(_from) => new WitWorldTypeItem(name, item.Stability, CopyType(type.Type, name)) { ExternalId = item.ExternalId, Docs = item.Docs },
        WitWorldFunctionItem function => new WitWorldFunctionItem(name, item.Stability, CopyFunction(function.Function, name)) { ExternalId = item.ExternalId, Docs = item.Docs },
        _ when name != item.Name => item with { Name = name },
        _ => item,
    };

    private WitNamedType CopyType(WitNamedType type, string name)
    {
        WitNamedType copy = type switch
        {
            WitRecordType record => record with { Fields = record.Fields.Select(field => field with { Type = Rewrite(field.Type) }).ToEquatableArray() },
            WitVariantType variant => variant with { Cases = variant.Cases.Select(item => item with { Payload = item.Payload is null ? null : Rewrite(item.Payload) }).ToEquatableArray() },
            WitAliasType alias => alias with { Target = Rewrite(alias.Target) },
            _ => type,
        };
        copy = copy with { Name = name, Owner = _to };
        _copies[type] = copy;
        return copy;
    }

    private WitFunction CopyFunction(WitFunction function, string name)
    {
        if (!function.Owner.Equals(_from))
        {
            return function;
        }

        return function with
        {
            Name = function.Kind == WitFunctionKind.Freestanding ? name : function.Name,
            Owner = _to,
            Parameters = function.Parameters.Select(parameter => parameter with { Type = Rewrite(parameter.Type) }).ToEquatableArray(),
            Result = function.Result is null ? null : Rewrite(function.Result),
            Resource = function.Resource is null ? null : (WitResourceType)Rewrite(function.Resource),
        };
    }

    private WitType Rewrite(WitType type) => type switch
    {
        WitNamedType named => _copies.TryGetValue(named, out var copy) ? copy : named,
        WitHandleType handle => handle with { Resource = (WitResourceType)Rewrite(handle.Resource) },
        WitListType list => list with { Element = Rewrite(list.Element) },
        WitTupleType tuple => tuple with { Elements = tuple.Elements.Select(Rewrite).ToEquatableArray() },
        WitOptionType option => option with { Payload = Rewrite(option.Payload) },
        WitResultType result => result with { Ok = result.Ok is null ? null : Rewrite(result.Ok), Err = result.Err is null ? null : Rewrite(result.Err) },
        WitMapType map => map with { Key = Rewrite(map.Key), Value = Rewrite(map.Value) },
        WitFutureType future => future with { Payload = future.Payload is null ? null : Rewrite(future.Payload) },
        WitStreamType stream => stream with { Payload = stream.Payload is null ? null : Rewrite(stream.Payload) },
        _ => type,
    };
}
