namespace WitHost.Wamr;

/// <summary>The core WebAssembly value types a WAMR guest exchanges with its host.</summary>
/// <remarks>The numbers are WAMR's <c>wasm_valkind_t</c> values.</remarks>
public enum WasmValueKind : byte
{
    I32 = 0,
    I64 = 1,
    F32 = 2,
    F64 = 3,
}
