namespace WitHost.Wamr.Components;

/// <summary>The kinds of core imports and exports.</summary>
internal enum CoreItemKind : byte
{
    Func = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
    Tag = 4,
}
