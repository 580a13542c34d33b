namespace WitHost.Wit.Abi;

/// <summary>
/// A core wasm value type. A struct wrapper around <see cref="CoreValueKind"/> because enums do not
/// implement <see cref="IEquatable{T}"/>, which <see cref="Collections.EquatableArray{T}"/> requires.
/// </summary>
/// <param name="Kind">Which core type.</param>
public readonly record struct CoreValueType(CoreValueKind Kind)
{
    /// <summary><c>i32</c></summary>
    public static CoreValueType I32 => new(CoreValueKind.I32);

    /// <summary><c>i64</c></summary>
    public static CoreValueType I64 => new(CoreValueKind.I64);

    /// <summary><c>f32</c></summary>
    public static CoreValueType F32 => new(CoreValueKind.F32);

    /// <summary><c>f64</c></summary>
    public static CoreValueType F64 => new(CoreValueKind.F64);

    /// <summary>
    /// The type a variant's flat slot gets when two cases put <paramref name="left"/> and
    /// <paramref name="right"/> there: equal types stay, i32/f32 share an i32, anything else needs an i64.
    /// </summary>
    public static CoreValueType Join(CoreValueType left, CoreValueType right)
    {
        if (left == right)
        {
            return left;
        }

        var isI32F32Pair = (left.Kind, right.Kind) is (CoreValueKind.I32, CoreValueKind.F32) or (CoreValueKind.F32, CoreValueKind.I32);
        return isI32F32Pair ? I32 : I64;
    }

    /// <summary>The wasm text spelling: <c>i32</c>, <c>i64</c>, <c>f32</c> or <c>f64</c>.</summary>
    public override string ToString() => Kind switch
    {
        CoreValueKind.I32 => "i32",
        CoreValueKind.I64 => "i64",
        CoreValueKind.F32 => "f32",
        _ => "f64",
    };
}
