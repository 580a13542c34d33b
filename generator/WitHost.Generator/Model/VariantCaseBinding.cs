namespace WitHost.Generator.Model;

/// <summary>A case of a variant: a nested sealed record.</summary>
/// <param name="Name">The nested record's name.</param>
/// <param name="WitName">The WIT name, for docs.</param>
/// <param name="MatchParameterName">The parameter of <c>Match</c> that handles this case.</param>
/// <param name="PayloadType">The C# payload type, fully qualified; null for a case without payload.</param>
/// <param name="PayloadName">The payload property name: <c>Value</c>, unless a case takes that name.</param>
/// <param name="Docs">The WIT doc comment, or null.</param>
internal sealed record VariantCaseBinding(string Name, string WitName, string MatchParameterName, string? PayloadType, string PayloadName, string? Docs);
