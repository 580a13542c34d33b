using WitHost.Wit.Abi;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// Reads a variant case's payload from the variant's joined flat slots: each slot holds the
/// joined type (e.g. an i64 shared by an s64 case and an f32 case) and is narrowed back to the
/// type the case wants, as the spec's <c>CoerceValueIter</c> does.
/// </summary>
internal sealed class VariantPayloadSource : FlatValueSource
{
    private readonly FlatValueSource _inner;
    private readonly IReadOnlyList<CoreValueType> _slots;
    private int _next;

    /// <param name="inner">Where the variant's values come from.</param>
    /// <param name="slots">The variant's flat types after the discriminant.</param>
    public VariantPayloadSource(FlatValueSource inner, IReadOnlyList<CoreValueType> slots)
    {
        _inner = inner;
        _slots = slots;
    }

    public override ulong Next(CoreValueKind want)
    {
        var have = _slots[_next++].Kind;
        return CanonicalRules.NarrowFromSlot(want, _inner.Next(have));
    }

    /// <summary>Consumes the slots the case did not use.</summary>
    public void SkipRest()
    {
        while (_next < _slots.Count)
        {
            _inner.Next(_slots[_next++].Kind);
        }
    }
}
