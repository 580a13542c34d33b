namespace WitHost.Wit.Binary;

/// <summary>The preamble of a WebAssembly binary: magic, version and layer (Binary.md, "Component Definitions").</summary>
public static class WasmPreamble
{
    /// <summary>The component binary version this reader understands (the current pre-standard one).</summary>
    public const byte ComponentVersion = 0x0d;

    /// <summary>
    /// Tells a core module from a component by the first 8 bytes.
    /// </summary>
    /// <exception cref="ComponentFormatException">Too short, not <c>\0asm</c>, an unknown layer, or a component version other than 0x0d.</exception>
    public static WasmBinaryKind Detect(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }
        if (bytes.Length < 8)
        {
            throw new ComponentFormatException($"not a WebAssembly binary: {bytes.Length} bytes is shorter than the 8-byte preamble", 0);
        }
        if (bytes[0] != 0 || bytes[1] != (byte)'a' || bytes[2] != (byte)'s' || bytes[3] != (byte)'m')
        {
            throw new ComponentFormatException("not a WebAssembly binary: the magic number \\0asm is missing", 0);
        }
        byte layer = bytes[6];
        if (bytes[7] != 0 || layer > 1)
        {
            throw new ComponentFormatException($"unknown WebAssembly layer 0x{bytes[7]:x2}{layer:x2} (0 is a core module, 1 a component)", 6);
        }
        if (layer == 0)
        {
            // A core module's 4-byte version field holds version 1 in its first two bytes.
            if (bytes[4] != 1 || bytes[5] != 0)
            {
                throw new ComponentFormatException($"unknown core module version 0x{bytes[5]:x2}{bytes[4]:x2} (1 is the only one)", 4);
            }
            return WasmBinaryKind.CoreModule;
        }
        if (bytes[4] != ComponentVersion || bytes[5] != 0)
        {
            throw new ComponentFormatException($"component binary version 0x{bytes[5]:x2}{bytes[4]:x2} is not supported (WitHost reads version 0x{ComponentVersion:x2}, what wasm-tools, wit-component and jco write)", 4);
        }
        return WasmBinaryKind.Component;
    }
}
