namespace WitHost.Wit.Binary;

/// <summary>An instance (type): an interface, named once it is imported or exported.</summary>
internal sealed class DecodedInstance
{
    public List<KeyValuePair<string, DecodedItem>> Exports { get; } = [];

    /// <summary>The interface's name (<c>ns:pkg/iface@1.0.0</c>, or a plain name for an inline interface).</summary>
    public string? Name { get; set; }
}
