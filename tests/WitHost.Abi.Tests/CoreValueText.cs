using System.Globalization;
using WitHost.Wamr;

namespace WitHost.Abi.Tests;

/// <summary>The vectors' text form of core values: <c>i32:4294967295</c>, <c>f32:0x3fc00000</c> (IEEE bits).</summary>
internal static class CoreValueText
{
    public static WasmValue Parse(string text)
    {
        var colon = text.IndexOf(':');
        var kind = text[..colon] switch
        {
            "i32" => WasmValueKind.I32,
            "i64" => WasmValueKind.I64,
            "f32" => WasmValueKind.F32,
            "f64" => WasmValueKind.F64,
            var other => throw new FormatException($"Unknown core type '{other}'."),
        };
        var literal = text[(colon + 1)..];
        var bits = literal.StartsWith("0x", StringComparison.Ordinal)
            ? ulong.Parse(literal[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : ulong.Parse(literal, CultureInfo.InvariantCulture);
        return WasmValue.FromBits(kind, bits);
    }

    public static string Format(WasmValue value) => value.Kind switch
    {
        WasmValueKind.I32 => "i32:" + (uint)value.Bits,
        WasmValueKind.I64 => "i64:" + value.Bits,
        WasmValueKind.F32 => "f32:0x" + ((uint)value.Bits).ToString("x8", CultureInfo.InvariantCulture),
        _ => "f64:0x" + value.Bits.ToString("x16", CultureInfo.InvariantCulture),
    };
}
