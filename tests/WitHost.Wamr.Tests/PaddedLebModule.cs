namespace WitHost.Wamr.Tests;

/// <summary>
/// A module in which every LEB128 the format allows to be padded is written in five bytes, as
/// LLVM writes relocatable immediates and wasm-ld leaves them: section sizes, vector counts,
/// type, function and table indexes, local indexes and an <c>i32.const</c>. It exports
/// <c>apply(x)</c> = x + 2: an indirect call of function 0 (x + 1) through table 0, then a
/// direct call of it. <c>wasm-validate</c> accepts it.
/// </summary>
internal static class PaddedLebModule
{
    public static byte[] Bytes { get; } = Build();

    private static byte[] Build()
    {
        var module = new List<byte> { 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00 };
        // type 0: (func (param i32) (result i32))
        Section(module, 1, [.. Padded(1), 0x60, .. Padded(1), 0x7f, .. Padded(1), 0x7f]);
        // two functions of type 0
        Section(module, 3, [.. Padded(2), .. Padded(0), .. Padded(0)]);
        // table 0: funcref, minimum 1, no maximum
        Section(module, 4, [.. Padded(1), 0x70, 0x00, .. Padded(1)]);
        // export "apply" = function 1
        Section(module, 7, [.. Padded(1), .. Padded(5), .. "apply"u8, 0x00, .. Padded(1)]);
        // active element segment for table 0 at offset (i32.const 0): [function 0]
        Section(module, 9, [.. Padded(1), .. Padded(0), 0x41, .. Padded(0), 0x0b, .. Padded(1), .. Padded(0)]);
        byte[] increment =
        [
            .. Padded(0),                            // no locals
            0x20, .. Padded(0),                      // local.get 0
            0x41, 0x01, 0x6a,                        // i32.const 1, i32.add
            0x0b,
        ];
        byte[] apply =
        [
            .. Padded(0),                            // no locals
            0x20, .. Padded(0),                      // local.get 0
            0x41, .. Padded(0),                      // i32.const 0 (the table slot; signed LEB, padded)
            0x11, .. Padded(0), .. Padded(0),        // call_indirect type 0, table 0: `11 80808080 00 80808080 00`
            0x10, .. Padded(0),                      // call 0
            0x0b,
        ];
        Section(module, 10, [.. Padded(2), .. Padded((uint)increment.Length), .. increment, .. Padded((uint)apply.Length), .. apply]);
        return [.. module];
    }

    private static void Section(List<byte> module, byte id, byte[] content)
    {
        module.Add(id);
        module.AddRange(Padded((uint)content.Length));
        module.AddRange(content);
    }

    /// <summary><paramref name="value"/> as an unsigned LEB128 of exactly five bytes (for values
    /// below 2^28 also a valid signed LEB128 of a non-negative number).</summary>
    private static byte[] Padded(uint value) =>
    [
        (byte)(0x80 | (value & 0x7f)),
        (byte)(0x80 | ((value >> 7) & 0x7f)),
        (byte)(0x80 | ((value >> 14) & 0x7f)),
        (byte)(0x80 | ((value >> 21) & 0x7f)),
        (byte)((value >> 28) & 0x0f),
    ];
}
