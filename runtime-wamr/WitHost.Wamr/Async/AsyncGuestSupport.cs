using WitHost.Wamr.Binary;

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
    /// <summary>Why <paramref name="info"/> cannot run, or null when it can.</summary>
    public static string? Refusal(WasmModuleInfo info)
    {
        List<string>? reasons = null;
        foreach (var import in info.FunctionImports)
        {
            if (import.Name.StartsWith("[thread-", StringComparison.Ordinal) && import.Name != "[thread-yield]")
            {
                (reasons ??= []).Add($"it imports the threading built-in '{import.Module}' '{import.Name}', which needs stack switching");
            }
            else if (import.Name.StartsWith("[cancellable]", StringComparison.Ordinal))
            {
                (reasons ??= []).Add($"it imports '{import.Module}' '{import.Name}': cancellable waits are not supported");
            }
        }

        HashSet<string>? exports = null;
        foreach (var export in info.Exports)
        {
            if (export.Name.StartsWith("[async-lift-stackful]", StringComparison.Ordinal))
            {
                (reasons ??= []).Add($"its export '{export.Name}' is lifted async without a callback (stackful), which needs stack switching");
            }
            else if (export.Name.StartsWith(AsyncExportCall.LiftPrefix, StringComparison.Ordinal))
            {
                exports ??= [.. info.Exports.Select(e => e.Name)];
                if (!exports.Contains("[callback]" + export.Name))
                {
                    (reasons ??= []).Add($"its async export '{export.Name}' has no callback '[callback]{export.Name}'");
                }
            }
        }

        return reasons is null
            ? null
            : "The guest needs what WitHost cannot give it on WAMR without fibers: " + string.Join("; ", reasons) + ". Build it with callback-based async exports (wit-bindgen's default).";
    }
}
