namespace WitHost.Wit.Binary;

/// <summary>What the 8-byte preamble of a WebAssembly binary says it is.</summary>
public enum WasmBinaryKind
{
    /// <summary>A core module: <c>\0asm</c>, version 1, layer 0.</summary>
    CoreModule,

    /// <summary>A component: <c>\0asm</c>, version 0x0d, layer 1.</summary>
    Component,
}
