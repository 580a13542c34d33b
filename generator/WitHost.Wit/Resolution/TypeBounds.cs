using WitHost.Wit.Collections;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax;

namespace WitHost.Wit.Resolution;

/// <summary>
/// The limits that keep every later walk over a resolved type finite and small: layout,
/// flattening, the C# emitter, the dynamic codec, WAVE, and the model's own value equality all
/// recurse over types, so a type nested thousands of levels deep (through named types, which the
/// parser's own limit does not see) or one that is astronomically large (a fixed-length list of
/// 2^29 elements, tuples that double at every level) would overflow the stack or exhaust memory.
/// The resolver measures each type it builds here and reports one past a limit at its definition.
/// </summary>
/// <remarks>
/// Depth counts every level, named types and aliases included: a primitive is 1, <c>list&lt;u8&gt;</c>
/// 2, <c>type a = list&lt;u8&gt;</c> 3. Size is wasmparser's "effective type size": 1 for each level
/// plus the sizes of the members (a type used twice counts twice; a fixed-length list counts its
/// element once per element), so it bounds the flat representation and the work of a walk that
/// does not share repeated types. Measuring does not recurse, and each type is measured once.
/// </remarks>
internal sealed class TypeBounds
{
    /// <summary>
    /// The deepest a type may nest, every level counted, through named types and aliases too. Above the
    /// parser's limit for one type expression (<see cref="Parser.MaxTypeDepth"/>), so that any expression
    /// the parser accepts still fits under a name, in a field or as a parameter.
    /// </summary>
    public const int MaxDepth = 128;

    /// <summary>The largest effective size of a type or of a function's parameters and result together (wasmparser's <c>MAX_WASM_TYPE_SIZE</c>).</summary>
    public const long MaxSize = 1_000_000;

    private readonly Dictionary<WitType, TypeExtent> _measured = new(IdentityComparer<WitType>.Instance)
    {
        [Rejected] = new TypeExtent(1, 1, BuiltOnRejected: true),
    };

    /// <summary>
    /// What a reference to a rejected type resolves to: unresolved, like any failed reference, but a
    /// distinct instance, so that the types built on it are rejected too without a second diagnostic.
    /// </summary>
    public static WitType Rejected { get; } = new UnresolvedType();

    /// <summary>Measures <paramref name="type"/> (sizes saturate at <see cref="long.MaxValue"/>).</summary>
    public TypeExtent Measure(WitType type)
    {
        if (_measured.TryGetValue(type, out var known))
        {
            return known;
        }

        // Post-order without recursion: a type is measured once all of its members are.
        var pending = new Stack<(WitType Type, bool MembersPushed)>();
        pending.Push((type, false));
        while (pending.Count > 0)
        {
            var (current, membersPushed) = pending.Pop();
            if (_measured.ContainsKey(current))
            {
                continue;
            }

            if (!membersPushed)
            {
                pending.Push((current, true));
                foreach (var member in Members(current))
                {
                    if (!_measured.ContainsKey(member))
                    {
                        pending.Push((member, false));
                    }
                }

                continue;
            }

            int depth = 0;
            long size = 0;
            bool builtOnRejected = false;
            foreach (var member in Members(current))
            {
                var extent = _measured[member];
                depth = Math.Max(depth, extent.Depth);
                size = SaturatingAdd(size, extent.Size);
                builtOnRejected |= extent.BuiltOnRejected;
            }

            if (current is WitListType { Length: { } length })
            {
                size = SaturatingMultiply(size, length);
            }

            _measured[current] = new TypeExtent(depth + 1, SaturatingAdd(size, 1), builtOnRejected);
        }

        return _measured[type];
    }

    /// <summary>The types a type is made of, one level down; a handle's resource is not walked (it is a leaf).</summary>
    private static IEnumerable<WitType> Members(WitType type)
    {
        switch (type)
        {
            case WitAliasType alias:
                yield return alias.Target;
                break;
            case WitRecordType record:
                foreach (var field in record.Fields)
                {
                    yield return field.Type;
                }

                break;
            case WitVariantType variant:
                foreach (var item in variant.Cases)
                {
                    if (item.Payload is not null)
                    {
                        yield return item.Payload;
                    }
                }

                break;
            case WitListType list:
                yield return list.Element;
                break;
            case WitTupleType tuple:
                foreach (var element in tuple.Elements)
                {
                    yield return element;
                }

                break;
            case WitOptionType option:
                yield return option.Payload;
                break;
            case WitResultType result:
                if (result.Ok is not null)
                {
                    yield return result.Ok;
                }

                if (result.Err is not null)
                {
                    yield return result.Err;
                }

                break;
            case WitMapType map:
                yield return map.Key;
                yield return map.Value;
                break;
            case WitFutureType { Payload: { } payload }:
                yield return payload;
                break;
            case WitStreamType { Payload: { } payload }:
                yield return payload;
                break;
        }
    }

    internal static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long SaturatingMultiply(long a, long b) => b != 0 && a > long.MaxValue / b ? long.MaxValue : a * b;
}
