namespace WitHost.Wamr.Components;

/// <summary>A core module import: <c>(import "module" "name" (kind …))</c>.</summary>
internal sealed record CoreImportEntry(string Module, string Name, CoreItemKind Kind);
