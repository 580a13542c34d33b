namespace WitHost.Wamr.Binary;

/// <summary>The kinds of export a core module can have (binary format export descriptors).</summary>
public enum ModuleExportKind : byte
{
    Function = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
}
