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

    public override string ToString() =>
        $"({string.Join(", ", Parameters).ToLowerInvariant()}) -> ({string.Join(", ", Results).ToLowerInvariant()})";
}
