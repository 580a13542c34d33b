using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>The outcome of binding one host: the world, or null when WIT errors stop it, and all diagnostics.</summary>
internal sealed record WorldBindingResult(WorldBinding? Binding, EquatableArray<DiagnosticInfo> Diagnostics);
