namespace WitHost.Wamr.Components;

/// <summary>A core module export and the index it exports.</summary>
internal sealed record CoreExportEntry(string Name, CoreItemKind Kind, uint Index);
