namespace WitHost.Wit.Binary;

/// <summary>A custom section: its name and its contents.</summary>
public sealed record CustomSection(string Name, byte[] Contents, int Offset);
