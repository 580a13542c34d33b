using WitHost.Wamr.Binary;
using WitHost.Wamr.Components;
using WitHost.Wit.Abi;

namespace WitHost.Wamr.Async;

/// <summary>
/// Which async guests WitHost can run. WAMR gives a guest one native stack per call and the host
/// has no fibers to switch it out, so a guest may suspend only by returning to the host: async
/// exports lifted with the callback ABI (<c>[async-lift]</c> plus <c>[callback][async-lift]</c>).
/// A guest built to suspend in the middle of its code is refused before it runs: stackful async
/// exports (<c>[async-lift-stackful]</c>), callback exports without their callback, and the
/// threading built-ins (<c>[thread-new-indirect-v0]</c>, <c>[thread-switch-to]</c>,
/// <c>[thread-suspend]</c>, <c>[thread-resume-later]</c>, <c>[thread-yield-to]</c>,
/// <c>[thread-index]</c>), and <c>[cancellable]</c> waits.
/// </summary>
internal static class AsyncGuestSupport
{
    /// <summary>
    /// Why <paramref name="info"/> cannot run, or null when it can. For a component's main module,
    /// <paramref name="component"/> adds what the component's canon definitions say, whatever core
    /// names the main module uses for them.
    /// </summary>
    public static string? Refusal(WasmModuleInfo info, GuestComponent? component = null)
    {
        var reasons = new List<string>();
        var imports = info.FunctionImports.Select(i => (i.Module, i.Name));
        var exports = info.Exports.Select(e => e.Name).ToList();
        HashSet<string> exported = [.. exports];
        if (component is not null)
        {
            imports = imports.Concat(component.Imports.Where(b => b.Kind == ComponentImportKind.AsyncBuiltin).Select(b => (b.ComponentImport, b.Function)));
            exports.AddRange(component.ExportNames.Keys.Where(name => name.StartsWith(CoreNames.StackfulLiftPrefix, StringComparison.Ordinal)));
            exported.UnionWith(component.ExportNames.Keys);
        }

        foreach (var (module, name) in imports)
        {
            if (name.StartsWith("[thread-", StringComparison.Ordinal) && name != "[thread-yield]")
            {
                reasons.Add($"it imports the threading built-in '{module}' '{name}', which needs stack switching");
            }
            else if (name.StartsWith(CoreNames.CancellablePrefix, StringComparison.Ordinal))
            {
                reasons.Add($"it imports '{module}' '{name}': cancellable waits are not supported");
            }
        }

        foreach (var export in exports)
        {
            if (export.StartsWith(CoreNames.StackfulLiftPrefix, StringComparison.Ordinal))
            {
                reasons.Add($"its export '{export}' is lifted async without a callback (stackful), which needs stack switching");
            }
            else if (export.StartsWith(AsyncExportCall.LiftPrefix, StringComparison.Ordinal) && !exported.Contains(CoreNames.Callback(export[AsyncExportCall.LiftPrefix.Length..])))
            {
                reasons.Add($"its async export '{export}' has no callback '{CoreNames.Callback(export[AsyncExportCall.LiftPrefix.Length..])}'");
            }
        }

        return reasons.Count == 0
            ? null
            : "The guest needs what WitHost cannot give it on WAMR without fibers: " + string.Join("; ", reasons.Distinct()) + ". Build it with callback-based async exports (wit-bindgen's default).";
    }
}
