namespace WitHost.Wit.Binary;

/// <summary>An import of a component (or a declaration in a component type).</summary>
public sealed record ComponentImport(string Name, ComponentExternDescription Description, int Offset);
