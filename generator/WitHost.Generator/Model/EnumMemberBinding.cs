namespace WitHost.Generator.Model;

/// <summary>A member of a generated enum (an enum case or a flag).</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="WitName">The WIT name, for docs.</param>
/// <param name="Docs">The WIT doc comment, or null.</param>
internal sealed record EnumMemberBinding(string Name, string WitName, string? Docs);
