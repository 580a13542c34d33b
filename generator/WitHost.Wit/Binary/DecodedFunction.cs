namespace WitHost.Wit.Binary;

/// <summary>A component function type: named parameters and at most one result.</summary>
internal sealed record DecodedFunction(IReadOnlyList<KeyValuePair<string, DecodedType>> Parameters, DecodedType? Result, bool Async);
