namespace WitHost.Wit.Binary;

/// <summary>A record field, function parameter or variant case: a name and an optional type.</summary>
public sealed record ComponentNamedValueType(string Name, ComponentValueType? Type);
