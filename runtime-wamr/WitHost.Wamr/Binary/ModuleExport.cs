namespace WitHost.Wamr.Binary;

/// <summary>Something the module exports, by name and kind.</summary>
/// <param name="Name">The export name.</param>
/// <param name="Kind">Function, table, memory or global.</param>
/// <param name="Type">The core type of an exported function; null for other kinds.</param>
public sealed record ModuleExport(string Name, ModuleExportKind Kind, FunctionType? Type = null);
