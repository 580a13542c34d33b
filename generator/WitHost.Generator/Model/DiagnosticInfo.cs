using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;

namespace WitHost.Generator.Model;

/// <summary>A diagnostic to report, as equatable data (id, message arguments, location).</summary>
/// <param name="Id">The <c>WITHOSTnnnn</c> id of a generator descriptor, or the <c>WITnnnn</c> code of a WIT front-end diagnostic.</param>
/// <param name="MessageArguments">The arguments of the descriptor's message format (for a WIT diagnostic, its message).</param>
/// <param name="Location">Where it points, or null for no location.</param>
/// <param name="WitSeverity">For a WIT front-end diagnostic, its severity; null for a generator diagnostic.</param>
internal sealed record DiagnosticInfo(
    string Id,
    EquatableArray<string> MessageArguments,
    SourceLocationInfo? Location,
    WitDiagnosticSeverity? WitSeverity = null)
{
    /// <summary>Further places the same problem covers (every declaration of a type that lacks <c>partial</c>), which a code fix edits too.</summary>
    public EquatableArray<SourceLocationInfo> AdditionalLocations { get; init; } = EquatableArray<SourceLocationInfo>.Empty;

    /// <summary>Texts a code fix may put in place of the diagnosed one, best first (<see cref="DiagnosticPropertyKeys"/>).</summary>
    public EquatableArray<string> Replacements { get; init; } = EquatableArray<string>.Empty;
}
