namespace WitHost.Wamr;

/// <summary>Facts about core value kinds that the calling conventions depend on.</summary>
public static class WasmValueKindExtensions
{
    /// <summary>
    /// Whether the kind is 64 bits wide (i64, f64): it takes two 32-bit cells in
    /// <c>wasm_runtime_call_wasm</c>, and a whole 64-bit slot in raw host calls, where i32 and
    /// f32 use only the low half.
    /// </summary>
    public static bool IsWide(this WasmValueKind kind) => kind is WasmValueKind.I64 or WasmValueKind.F64;
}
