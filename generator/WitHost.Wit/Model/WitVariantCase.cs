namespace WitHost.Wit.Model;

/// <summary>A variant case.</summary>
/// <param name="Name">The case name.</param>
/// <param name="Payload">The payload type, or null for a case without one.</param>
/// <param name="Docs">Its doc comment, or null.</param>
public sealed record WitVariantCase(string Name, WitType? Payload, string? Docs);
