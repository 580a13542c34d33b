using WitHost.Generator.Model;

namespace WitHost.Generator.Parsing;

/// <summary>What binding the handle tables of a world's imported resources (and their method imports) needs.</summary>
internal sealed record ResourceTableContext(
    CallBinder Calls,
    TypeMapper Mapper,
    MemberNameSet EntryNames,
    List<DiagnosticInfo> Diagnostics,
    HostSpec Spec);
