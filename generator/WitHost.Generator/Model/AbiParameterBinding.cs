namespace WitHost.Generator.Model;

/// <summary>A parameter of a generated call: its C# name and its ABI type.</summary>
internal sealed record AbiParameterBinding(string Name, AbiTypeBinding Type);
