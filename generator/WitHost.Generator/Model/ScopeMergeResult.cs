using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>The scopes of all hosts, one per WIT qualified name, and any conflicts found merging them.</summary>
internal sealed record ScopeMergeResult(EquatableArray<ScopeBinding> Scopes, EquatableArray<DiagnosticInfo> Diagnostics);
