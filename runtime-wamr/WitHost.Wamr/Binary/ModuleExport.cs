namespace WitHost.Wamr.Binary;

/// <summary>Something the module exports, by name and kind.</summary>
public sealed record ModuleExport(string Name, ModuleExportKind Kind);
