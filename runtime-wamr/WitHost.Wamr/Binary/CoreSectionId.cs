namespace WitHost.Wamr.Binary;

/// <summary>
/// The ids of a core module's sections (the binary format's section ids), for the readers of
/// core modules: <see cref="WasmModuleReader"/> before WAMR loads one, and the reader of the
/// modules a component embeds.
/// </summary>
internal static class CoreSectionId
{
    public const byte Custom = 0;
    public const byte Type = 1;
    public const byte Import = 2;
    public const byte Function = 3;
    public const byte Table = 4;
    public const byte Memory = 5;
    public const byte Global = 6;
    public const byte Export = 7;
    public const byte Start = 8;
    public const byte Element = 9;
    public const byte Code = 10;
    public const byte Data = 11;
    public const byte DataCount = 12;

    /// <summary>The byte that opens a function type in the type section.</summary>
    public const byte FunctionTypeForm = 0x60;
}
