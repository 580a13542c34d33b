namespace WitHost.Wit.Model;

/// <summary>An enum case (also used for a flag of a <see cref="WitFlagsType"/>).</summary>
/// <param name="Name">The case name.</param>
/// <param name="Docs">Its doc comment, or null.</param>
public sealed record WitEnumCase(string Name, string? Docs);
