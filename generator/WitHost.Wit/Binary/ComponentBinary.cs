namespace WitHost.Wit.Binary;

/// <summary>
/// A component binary read section by section: every definition, and the index spaces they
/// make, in the order the binary defines them. It is a faithful reading, not a validation:
/// indexes are checked to refer to something already defined, types are not checked.
/// </summary>
public sealed class ComponentBinary
{
    private readonly Dictionary<ComponentSort, List<ComponentItem>> _spaces = [];

    internal ComponentBinary(ComponentBinary? parent, int offset)
    {
        Parent = parent;
        Offset = offset;
    }

    /// <summary>The enclosing component of a nested component.</summary>
    public ComponentBinary? Parent { get; }

    /// <summary>Where the component starts in the outermost binary.</summary>
    public int Offset { get; }

    public List<CoreModuleSlice> CoreModules { get; } = [];

    public List<CoreInstanceDefinition> CoreInstances { get; } = [];

    public List<ComponentTypeDefinition> Types { get; } = [];

    public List<ComponentBinary> Components { get; } = [];

    public List<ComponentInstanceDefinition> Instances { get; } = [];

    public List<ComponentAlias> Aliases { get; } = [];

    public List<CanonicalFunction> Canons { get; } = [];

    public List<ComponentImport> Imports { get; } = [];

    public List<ComponentExport> Exports { get; } = [];

    public List<CustomSection> CustomSections { get; } = [];

    /// <summary>Whether the component has a start section (start functions take component values).</summary>
    public bool HasStart { get; internal set; }

    /// <summary>The entries of one index space, in index order.</summary>
    public IReadOnlyList<ComponentItem> Space(ComponentSort sort) =>
        _spaces.TryGetValue(sort, out List<ComponentItem>? items) ? items : [];

    internal void Add(ComponentSort sort, ComponentItemOrigin origin, int definition)
    {
        if (!_spaces.TryGetValue(sort, out List<ComponentItem>? items))
        {
            items = [];
            _spaces.Add(sort, items);
        }
        items.Add(new ComponentItem(origin, definition));
    }

    internal int Count(ComponentSort sort) => Space(sort).Count;
}
