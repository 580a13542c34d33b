using System.Collections.Immutable;

namespace WitHost.Wamr.Binary;

/// <summary>A core function type: parameter and result kinds. Equal when the kinds are.</summary>
public sealed class FunctionType : IEquatable<FunctionType>
{
    public FunctionType(ImmutableArray<WasmValueKind> parameters, ImmutableArray<WasmValueKind> results)
    {
        Parameters = parameters;
        Results = results;
    }

    // ImmutableArray indexes the array directly: host dispatch reads these on every call.
    public ImmutableArray<WasmValueKind> Parameters { get; }

    public ImmutableArray<WasmValueKind> Results { get; }

    /// <summary>How many 32-bit cells WAMR's <c>wasm_runtime_call_wasm</c> needs for these values.</summary>
    internal static int CellCount(ImmutableArray<WasmValueKind> kinds)
    {
        int cells = 0;
        foreach (WasmValueKind kind in kinds)
        {
            cells += kind.IsWide() ? 2 : 1;
        }
        return cells;
    }

    public bool Equals(FunctionType? other) =>
        other is not null && Parameters.AsSpan().SequenceEqual(other.Parameters.AsSpan()) && Results.AsSpan().SequenceEqual(other.Results.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as FunctionType);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (WasmValueKind kind in Parameters)
        {
            hash.Add(kind);
        }
        hash.Add(-1);
        foreach (WasmValueKind kind in Results)
        {
            hash.Add(kind);
        }
        return hash.ToHashCode();
    }

    /// <summary>
    /// Reads a type in the form <see cref="ToString"/> writes, <c>(i32, i64) -> (f32)</c>; generated
    /// hosts carry their world's core types in this form.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not in that form.</exception>
    public static FunctionType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] sides = text.Split("->");
        if (sides.Length != 2)
        {
            throw new FormatException($"'{text}' is not a core function type like (i32, i64) -> (i32).");
        }
        return new FunctionType(ParseKinds(sides[0], text), ParseKinds(sides[1], text));
    }

    private static ImmutableArray<WasmValueKind> ParseKinds(string side, string text)
    {
        ReadOnlySpan<char> trimmed = side.AsSpan().Trim();
        if (trimmed.Length < 2 || trimmed[0] != '(' || trimmed[^1] != ')')
        {
            throw new FormatException($"'{text}' is not a core function type like (i32, i64) -> (i32).");
        }
        ReadOnlySpan<char> inner = trimmed[1..^1].Trim();
        if (inner.IsEmpty)
        {
            return [];
        }
        var kinds = ImmutableArray.CreateBuilder<WasmValueKind>();
        foreach (Range range in inner.Split(','))
        {
            kinds.Add(inner[range].Trim() switch
            {
                "i32" => WasmValueKind.I32,
                "i64" => WasmValueKind.I64,
                "f32" => WasmValueKind.F32,
                "f64" => WasmValueKind.F64,
                var other => throw new FormatException($"'{other.ToString()}' in '{text}' is not a core value type (i32, i64, f32 or f64)."),
            });
        }
        return kinds.ToImmutable();
    }

    public override string ToString() =>
        $"({string.Join(", ", Parameters).ToLowerInvariant()}) -> ({string.Join(", ", Results).ToLowerInvariant()})";
}
