namespace WitHost.Generator.Model;

/// <summary>A record field: a positional property.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="WitName">The WIT name, for docs.</param>
/// <param name="Type">The C# type, fully qualified.</param>
/// <param name="Docs">The WIT doc comment, or null.</param>
internal sealed record FieldBinding(string Name, string WitName, string Type, string? Docs);
