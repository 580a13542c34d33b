using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>Everything generated for one host outside a compilation (what <c>wit-host generate</c> writes).</summary>
/// <param name="Files">The generated files, host and guest first, then one per scope.</param>
/// <param name="Diagnostics">The problems found; an error means some or all files are missing.</param>
internal sealed record GeneratedWorld(EquatableArray<GeneratedSourceFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
