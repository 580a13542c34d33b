using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>A parsed host declaration, or only the reasons it cannot be one.</summary>
/// <param name="Spec">The host, or null when the declaration is unusable.</param>
/// <param name="Diagnostics">Problems with the declaration.</param>
internal sealed record HostSpecResult(HostSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
