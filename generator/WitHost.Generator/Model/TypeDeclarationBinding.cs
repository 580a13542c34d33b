namespace WitHost.Generator.Model;

/// <summary>A C# type to declare for a named WIT type (record, enum, flags, variant or resource).</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="WitName">The WIT name, kept for docs and diagnostics.</param>
/// <param name="Docs">The WIT doc comment, or null.</param>
internal abstract record TypeDeclarationBinding(string Name, string WitName, string? Docs);
