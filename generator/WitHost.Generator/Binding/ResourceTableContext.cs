using WitHost.Generator.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// What binding the handle tables of a world's imported resources (and their method imports) needs.
/// <c>InstanceSuffix</c> ends the table fields and entry names of a named import's own instance
/// (<c>_Primary</c>); empty otherwise.
/// </summary>
internal sealed record ResourceTableContext(
    CallBinder Calls,
    TypeMapper Mapper,
    MemberNameSet EntryNames,
    List<DiagnosticInfo> Diagnostics,
    HostSpec Spec,
    string InstanceSuffix);
