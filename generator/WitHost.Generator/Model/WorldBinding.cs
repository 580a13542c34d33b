using WitHost.Wit.Abi;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>Everything generated for one <c>[WitHost]</c> class.</summary>
/// <param name="Spec">The host declaration.</param>
/// <param name="WorldQualifiedName">The world's Component Model name, e.g. <c>example:sample/sample</c>.</param>
/// <param name="Docs">The world's doc comment, or null.</param>
/// <param name="ImportProperties">One property per import that the host implements.</param>
/// <param name="ExportInterfaces">The interfaces the guest exports, each a property of the instance class.</param>
/// <param name="ExportFunctions">The functions the world exports directly, methods of the instance class.</param>
/// <param name="Scopes">The interfaces (and world-level items) whose types and host interfaces the world needs.</param>
/// <param name="ResourceTables">One handle table per imported resource, with its <c>[resource-drop]</c> import.</param>
/// <param name="RepTables">One handle table per exported resource, with its <c>[export]</c> intrinsics.</param>
/// <param name="Contract">Every core import and export a guest of the world has, with its exact core type.</param>
internal sealed record WorldBinding(
    HostSpec Spec,
    string WorldQualifiedName,
    string? Docs,
    EquatableArray<ImportPropertyBinding> ImportProperties,
    EquatableArray<ExportInterfaceBinding> ExportInterfaces,
    EquatableArray<CallBinding> ExportFunctions,
    EquatableArray<ScopeBinding> Scopes,
    EquatableArray<ResourceTableBinding> ResourceTables,
    EquatableArray<RepTableBinding> RepTables,
    CoreWorldContract Contract);
