using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Binding;

/// <summary>
/// Merges the scopes of every host in the compilation so each WIT interface is generated once,
/// even when several worlds import or export it. A scope that one world imports (with a host
/// interface) wins over the same scope that another only exports (types only).
/// </summary>
internal static class ScopeMerger
{
    public static ScopeMergeResult Merge(IEnumerable<WorldBindingResult> worlds)
    {
        var merged = new List<ScopeBinding>();
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var world in worlds)
        {
            if (world.Binding is null)
            {
                continue;
            }

            foreach (var scope in world.Binding.Scopes)
            {
                if (!indexes.TryGetValue(scope.Key, out var index))
                {
                    indexes.Add(scope.Key, merged.Count);
                    merged.Add(scope);
                    continue;
                }

                var existing = merged[index];
                if (existing == scope)
                {
                    continue;
                }

                if (existing.Types != scope.Types || (existing.HostInterface is not null && scope.HostInterface is not null))
                {
                    diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.ConflictingInterface, world.Binding.Spec.AttributeLocation, scope.Key));
                    continue;
                }

                merged[index] = existing.HostInterface is null ? scope : existing;
            }
        }

        return new ScopeMergeResult(merged.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
