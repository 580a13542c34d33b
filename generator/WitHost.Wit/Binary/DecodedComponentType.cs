namespace WitHost.Wit.Binary;

/// <summary>A component (type): a world's imports and exports.</summary>
internal sealed class DecodedComponentType
{
    public List<KeyValuePair<string, DecodedItem>> Imports { get; } = [];

    public List<KeyValuePair<string, DecodedItem>> Exports { get; } = [];
}
