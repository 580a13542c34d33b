using System.Globalization;

namespace WitHost.Wamr;

/// <summary>A core WebAssembly value: its kind and its bits.</summary>
public readonly struct WasmValue : IEquatable<WasmValue>
{
    private readonly ulong _bits;

    private WasmValue(WasmValueKind kind, ulong bits)
    {
        Kind = kind;
        _bits = bits;
    }

    public WasmValueKind Kind { get; }

    /// <summary>The raw bits: i32 and f32 in the low 32 bits, zero above.</summary>
    public ulong Bits => _bits;

    public static WasmValue FromInt32(int value) => new(WasmValueKind.I32, (uint)value);
    public static WasmValue FromUInt32(uint value) => new(WasmValueKind.I32, value);
    public static WasmValue FromInt64(long value) => new(WasmValueKind.I64, (ulong)value);
    public static WasmValue FromUInt64(ulong value) => new(WasmValueKind.I64, value);
    public static WasmValue FromSingle(float value) => new(WasmValueKind.F32, BitConverter.SingleToUInt32Bits(value));
    public static WasmValue FromDouble(double value) => new(WasmValueKind.F64, BitConverter.DoubleToUInt64Bits(value));

    /// <summary>A value of <paramref name="kind"/> from raw bits (i32/f32 keep the low 32 bits).</summary>
    public static WasmValue FromBits(WasmValueKind kind, ulong bits) =>
        new(kind, kind.IsWide() ? bits : (uint)bits);

    public int AsInt32() => (int)(uint)Expect(WasmValueKind.I32);
    public uint AsUInt32() => (uint)Expect(WasmValueKind.I32);
    public long AsInt64() => (long)Expect(WasmValueKind.I64);
    public ulong AsUInt64() => Expect(WasmValueKind.I64);
    public float AsSingle() => BitConverter.UInt32BitsToSingle((uint)Expect(WasmValueKind.F32));
    public double AsDouble() => BitConverter.UInt64BitsToDouble(Expect(WasmValueKind.F64));

    public static implicit operator WasmValue(int value) => FromInt32(value);
    public static implicit operator WasmValue(uint value) => FromUInt32(value);
    public static implicit operator WasmValue(long value) => FromInt64(value);
    public static implicit operator WasmValue(ulong value) => FromUInt64(value);
    public static implicit operator WasmValue(float value) => FromSingle(value);
    public static implicit operator WasmValue(double value) => FromDouble(value);

    public bool Equals(WasmValue other) => Kind == other.Kind && _bits == other._bits;
    public override bool Equals(object? obj) => obj is WasmValue other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Kind, _bits);
    public static bool operator ==(WasmValue left, WasmValue right) => left.Equals(right);
    public static bool operator !=(WasmValue left, WasmValue right) => !left.Equals(right);

    /// <summary>The value as <c>i32:…</c>, <c>i64:…</c> (unsigned decimal) or <c>f32:0x…</c>/<c>f64:0x…</c> (IEEE bits).</summary>
    public override string ToString() => Kind switch
    {
        WasmValueKind.I32 => "i32:" + ((uint)_bits).ToString(CultureInfo.InvariantCulture),
        WasmValueKind.I64 => "i64:" + _bits.ToString(CultureInfo.InvariantCulture),
        WasmValueKind.F32 => "f32:0x" + ((uint)_bits).ToString("x8", CultureInfo.InvariantCulture),
        _ => "f64:0x" + _bits.ToString("x16", CultureInfo.InvariantCulture),
    };

    private ulong Expect(WasmValueKind kind) =>
        Kind == kind ? _bits : throw new InvalidOperationException($"The value is {Kind}, not {kind}.");
}
