using WitHost.Generator.Model;

namespace WitHost.Generator.Binding;

/// <summary>What binding a world's export wrappers needs: the calls, the type mapping, the bound scopes (for the handle classes of exported resources) and where to report.</summary>
internal sealed record ExportBindingContext(
    CallBinder Calls,
    TypeMapper Mapper,
    List<ScopeBinding> Scopes,
    List<DiagnosticInfo> Diagnostics,
    HostSpec Spec);
