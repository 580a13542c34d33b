using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Validation;

/// <summary>
/// The comparison of one expected core function with what a module has: the one place that says
/// when an export or import matches, used by world checks and by dynamic calls alike.
/// </summary>
internal static class GuestChecks
{
    /// <summary>The module's exports by name (the last one wins, as names are unique in a valid module).</summary>
    public static Dictionary<string, ModuleExport> ExportsByName(WasmModuleInfo info)
    {
        var exports = new Dictionary<string, ModuleExport>(info.Exports.Count, StringComparer.Ordinal);
        foreach (var export in info.Exports)
        {
            exports[export.Name] = export;
        }
        return exports;
    }

    /// <summary>
    /// How the guest's export <paramref name="name"/> (<paramref name="export"/>, null when the guest
    /// has none) differs from a function of type <paramref name="expected"/>, or null when it does not.
    /// </summary>
    public static GuestMismatch? CheckExport(string name, ModuleExport? export, FunctionType expected, bool isRequired)
    {
        if (export is null)
        {
            return isRequired
                ? new GuestMismatch(GuestMismatchKind.MissingExport, null, name, expected, null,
                    $"The guest does not export '{name}' {expected}.")
                : null;
        }

        if (export.Type is not { } actual)
        {
            return new GuestMismatch(GuestMismatchKind.ExportNotAFunction, null, name, expected, null,
                $"The guest exports '{name}' as a {export.Kind.ToString().ToLowerInvariant()}, not as the function {expected}.");
        }

        return actual.Equals(expected)
            ? null
            : new GuestMismatch(GuestMismatchKind.ExportSignature, null, name, expected, actual,
                $"The guest exports '{name}' with core type {actual}, but the world needs {expected}.");
    }

    /// <summary>How the guest's <paramref name="import"/> differs from what the host provides (null: nothing by that name).</summary>
    public static GuestMismatch? CheckImport(ModuleImport import, FunctionType? provided)
    {
        if (provided is null)
        {
            return new GuestMismatch(GuestMismatchKind.UnknownImport, import.Module, import.Name, null, import.Type,
                $"The guest imports '{import.Module}' '{import.Name}' {import.Type}, which the world does not provide.");
        }

        return provided.Equals(import.Type)
            ? null
            : new GuestMismatch(GuestMismatchKind.ImportSignature, import.Module, import.Name, provided, import.Type,
                $"The guest imports '{import.Module}' '{import.Name}' with core type {import.Type}, but the world provides {provided}.");
    }
}
