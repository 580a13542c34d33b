using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>A read C#-first interface, or only the reasons it has no WIT form.</summary>
/// <param name="Interface">The interface, or null when it cannot be derived.</param>
/// <param name="Diagnostics">Problems found reading it.</param>
internal sealed record CSharpFirstInterfaceResult(CSharpFirstInterface? Interface, EquatableArray<DiagnosticInfo> Diagnostics);
