namespace WitHost.Wit.Binary;

/// <summary>A <c>valtype</c>: a primitive value type (its opcode) or a type index.</summary>
public readonly record struct ComponentValueType(byte Primitive, uint Index)
{
    /// <summary>Whether this is a primitive (<see cref="Primitive"/>) rather than a type index (<see cref="Index"/>).</summary>
    public bool IsPrimitive => Primitive != 0;

    public static ComponentValueType OfIndex(uint index) => new(0, index);

    public static ComponentValueType OfPrimitive(byte primitive) => new(primitive, 0);

    /// <summary>The WIT name of a primitive opcode, or null when the opcode is not one.</summary>
    public static string? PrimitiveName(byte code) => code switch
    {
        0x7f => "bool",
        0x7e => "s8",
        0x7d => "u8",
        0x7c => "s16",
        0x7b => "u16",
        0x7a => "s32",
        0x79 => "u32",
        0x78 => "s64",
        0x77 => "u64",
        0x76 => "f32",
        0x75 => "f64",
        0x74 => "char",
        0x73 => "string",
        0x64 => "error-context",
        _ => null,
    };
}
