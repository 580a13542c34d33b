namespace WitHost.Wit.Model;

/// <summary>A record field.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Type">The field type.</param>
/// <param name="Docs">Its doc comment, or null.</param>
public sealed record WitField(string Name, WitType Type, string? Docs);
