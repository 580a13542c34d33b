namespace WitHost.Wit.Binary;

/// <summary>A core module embedded in a component: its bytes, a complete core module binary.</summary>
public sealed record CoreModuleSlice(byte[] Bytes, int Offset);
