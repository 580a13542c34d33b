namespace WitHost.Wamr.Binary;

/// <summary>A core function type: parameter and result kinds.</summary>
public sealed record FunctionType(IReadOnlyList<WasmValueKind> Parameters, IReadOnlyList<WasmValueKind> Results)
{
    /// <summary>How many 32-bit cells WAMR's <c>wasm_runtime_call_wasm</c> needs for these values.</summary>
    internal static int CellCount(IReadOnlyList<WasmValueKind> kinds)
    {
        int cells = 0;
        foreach (WasmValueKind kind in kinds)
        {
            cells += kind is WasmValueKind.I64 or WasmValueKind.F64 ? 2 : 1;
        }
        return cells;
    }

    public override string ToString() =>
        $"({string.Join(", ", Parameters).ToLowerInvariant()}) -> ({string.Join(", ", Results).ToLowerInvariant()})";
}
