using WitHost.Wit.Model;

namespace WitHost.Wit.Resolution;

/// <summary>The imports and exports of a world, each an ordered map from external name to item.</summary>
internal sealed class WorldItems
{
    public OrderedItems Imports { get; } = new();

    public OrderedItems Exports { get; } = new();

    /// <summary>An insertion-ordered name → item map.</summary>
    internal sealed class OrderedItems
    {
        private readonly Dictionary<string, WitWorldItem> _byName = new(StringComparer.Ordinal);
        private readonly List<WitWorldItem> _items = new();

        public IReadOnlyList<WitWorldItem> Items => _items;

        public bool Contains(string name) => _byName.ContainsKey(name);

        public bool TryGet(string name, out WitWorldItem item) => _byName.TryGetValue(name, out item!);

        public void Add(WitWorldItem item)
        {
            _byName.Add(item.Name, item);
            _items.Add(item);
        }
    }
}
