namespace WitHost.Wit.Model;

/// <summary>A primitive type: <c>bool</c>, <c>s8</c>…<c>u64</c>, <c>f32</c>, <c>f64</c>, <c>char</c>, <c>string</c>.</summary>
/// <param name="Kind">Which primitive.</param>
public sealed record WitPrimitiveType(WitPrimitiveKind Kind) : WitType
{
    /// <summary><c>bool</c></summary>
    public static WitPrimitiveType Bool { get; } = new(WitPrimitiveKind.Bool);

    /// <summary><c>s8</c></summary>
    public static WitPrimitiveType S8 { get; } = new(WitPrimitiveKind.S8);

    /// <summary><c>u8</c></summary>
    public static WitPrimitiveType U8 { get; } = new(WitPrimitiveKind.U8);

    /// <summary><c>s16</c></summary>
    public static WitPrimitiveType S16 { get; } = new(WitPrimitiveKind.S16);

    /// <summary><c>u16</c></summary>
    public static WitPrimitiveType U16 { get; } = new(WitPrimitiveKind.U16);

    /// <summary><c>s32</c></summary>
    public static WitPrimitiveType S32 { get; } = new(WitPrimitiveKind.S32);

    /// <summary><c>u32</c></summary>
    public static WitPrimitiveType U32 { get; } = new(WitPrimitiveKind.U32);

    /// <summary><c>s64</c></summary>
    public static WitPrimitiveType S64 { get; } = new(WitPrimitiveKind.S64);

    /// <summary><c>u64</c></summary>
    public static WitPrimitiveType U64 { get; } = new(WitPrimitiveKind.U64);

    /// <summary><c>f32</c></summary>
    public static WitPrimitiveType F32 { get; } = new(WitPrimitiveKind.F32);

    /// <summary><c>f64</c></summary>
    public static WitPrimitiveType F64 { get; } = new(WitPrimitiveKind.F64);

    /// <summary><c>char</c></summary>
    public static WitPrimitiveType Char { get; } = new(WitPrimitiveKind.Char);

    /// <summary><c>string</c></summary>
    public static WitPrimitiveType String { get; } = new(WitPrimitiveKind.String);

    /// <summary>The WIT spelling, e.g. <c>u32</c>.</summary>
    public override string ToString() => Kind.ToString().ToLowerInvariant();
}
