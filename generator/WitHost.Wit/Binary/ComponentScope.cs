namespace WitHost.Wit.Binary;

/// <summary>
/// A component's index spaces, decoded on demand (each item once: definitions only refer to
/// earlier ones, so the recursion ends). A nested component instantiated by its parent gets its
/// imports from the instantiation's arguments.
/// </summary>
internal sealed class ComponentScope : DecodeScope
{
    private readonly ComponentBinary _binary;
    private readonly IReadOnlyDictionary<string, DecodedItem>? _arguments;
    private readonly Dictionary<(ComponentSort, uint), DecodedItem> _decoded = [];

    public ComponentScope(ComponentBinary binary, ComponentScope? parent, IReadOnlyDictionary<string, DecodedItem>? arguments)
        : base(parent, parent is null ? 0 : parent.Depth + 1)
    {
        _binary = binary;
        _arguments = arguments;
    }

    public ComponentBinary Binary => _binary;

    public override DecodedItem Resolve(ComponentSort sort, uint index)
    {
        if (_decoded.TryGetValue((sort, index), out DecodedItem? done))
        {
            return done;
        }
        IReadOnlyList<ComponentItem> space = _binary.Space(sort);
        if (index >= space.Count)
        {
            throw new ComponentFormatException($"refers to {sort.ToString().ToLowerInvariant()} {index}, which the component does not define", _binary.Offset);
        }
        // Each item resolves the items it refers to first; a chain of them (an alias of an export
        // of an alias …) recurses, so its length is bounded.
        if (++ResolutionChain[0] > MaxResolutionDepth)
        {
            throw new ComponentFormatException($"definitions refer to one another more than {MaxResolutionDepth} levels deep", _binary.Offset);
        }
        try
        {
            DecodedItem item = Decode(sort, space[(int)index]);
            _decoded[(sort, index)] = item;
            return item;
        }
        finally
        {
            ResolutionChain[0]--;
        }
    }

    /// <summary>How long a chain of definitions, each referring to the next, may be.</summary>
    public const int MaxResolutionDepth = 500;


    private DecodedItem Decode(ComponentSort sort, ComponentItem item)
    {
        switch (item.Origin)
        {
            case ComponentItemOrigin.Type:
                return Convert(_binary.Types[item.Definition]);
            case ComponentItemOrigin.Import:
            {
                ComponentImport import = _binary.Imports[item.Definition];
                if (_arguments is not null)
                {
                    return _arguments.TryGetValue(import.Name, out DecodedItem? argument)
                        ? argument
                        : throw new ComponentFormatException($"the nested component's import '{import.Name}' is not given when it is instantiated", import.Offset);
                }
                return Declare(import.Name, import.Description, null, import.Offset);
            }
            case ComponentItemOrigin.Alias:
            {
                ComponentAlias alias = _binary.Aliases[item.Definition];
                return alias.Target switch
                {
                    ComponentAliasTarget.InstanceExport => ExportOf(Resolve(ComponentSort.Instance, alias.Instance), alias.Name, _binary.Offset),
                    ComponentAliasTarget.Outer => Outer(alias.OuterCount, _binary.Offset).Resolve(alias.Sort, alias.OuterIndex),
                    _ => new DecodedItem(sort),
                };
            }
            case ComponentItemOrigin.Export:
                return DecodeExport(_binary.Exports[item.Definition], null);
            case ComponentItemOrigin.Canon:
            {
                CanonicalFunction canon = _binary.Canons[item.Definition];
                if (canon.Kind != CanonicalFunctionKind.Lift)
                {
                    return new DecodedItem(sort);
                }
                return new DecodedItem(ComponentSort.Func, Function: Resolve(ComponentSort.Type, canon.Type).Function
                    ?? throw new ComponentFormatException($"canon lift with type {canon.Type}, which is not a function type", canon.Offset));
            }
            case ComponentItemOrigin.Instance:
                return DecodeInstance(_binary.Instances[item.Definition]);
            default:
                return new DecodedItem(sort);
        }
    }

    /// <summary>
    /// An exported item: a type export names the type (in <paramref name="owner"/>, the instance
    /// being built, when a nested component's exports make an instance); a function export with a
    /// type ascription takes the ascribed type (its parameter names are the interface's).
    /// </summary>
    private DecodedItem DecodeExport(ComponentExport export, DecodedInstance? owner)
    {
        DecodedItem inner = Resolve(export.Sort, export.Index);
        switch (export.Sort)
        {
            case ComponentSort.Type when inner.Type is { } type:
                return new DecodedItem(ComponentSort.Type, Type: DecodedType.Named(export.Name, type, owner));
            case ComponentSort.Func when export.Description is { Sort: ComponentSort.Func } ascribed:
                return new DecodedItem(ComponentSort.Func, Function: Resolve(ComponentSort.Type, ascribed.TypeIndex).Function ?? inner.Function);
            case ComponentSort.Instance when inner.Instance is { } instance:
                instance.Name ??= export.Name;
                return inner;
            default:
                return inner;
        }
    }

    private DecodedItem DecodeInstance(ComponentInstanceDefinition definition)
    {
        var instance = new DecodedInstance();
        if (definition.Component is not { } componentIndex)
        {
            foreach (ComponentSortIndex export in definition.Exports)
            {
                DecodedItem item = Resolve(export.Sort, export.Index);
                if (item.Type is { } type && export.Sort == ComponentSort.Type)
                {
                    item = new DecodedItem(ComponentSort.Type, Type: DecodedType.Named(export.Name, type, instance));
                }
                instance.Exports.Add(new KeyValuePair<string, DecodedItem>(export.Name, item));
            }
            return new DecodedItem(ComponentSort.Instance, Instance: instance);
        }

        ComponentItem nestedItem = _binary.Space(ComponentSort.Component)[(int)componentIndex];
        if (nestedItem.Origin != ComponentItemOrigin.Component)
        {
            throw new ComponentFormatException($"instantiates component {componentIndex}, which the component does not carry", definition.Offset);
        }
        var arguments = new Dictionary<string, DecodedItem>(StringComparer.Ordinal);
        foreach (ComponentSortIndex argument in definition.Arguments)
        {
            arguments[argument.Name] = Resolve(argument.Sort, argument.Index);
        }
        var nested = new ComponentScope(_binary.Components[nestedItem.Definition], this, arguments);
        foreach (ComponentExport export in nested.Binary.Exports)
        {
            instance.Exports.Add(new KeyValuePair<string, DecodedItem>(export.Name, nested.DecodeExportFor(export, instance)));
        }
        return new DecodedItem(ComponentSort.Instance, Instance: instance);
    }

    /// <summary>An export of this (nested) component, as an export of <paramref name="owner"/>; the same object the nested component's own references see.</summary>
    private DecodedItem DecodeExportFor(ComponentExport export, DecodedInstance owner)
    {
        int position = _binary.Exports.IndexOf(export);
        IReadOnlyList<ComponentItem> space = _binary.Space(export.Sort);
        for (int i = 0; i < space.Count; i++)
        {
            if (space[i].Origin == ComponentItemOrigin.Export && space[i].Definition == position)
            {
                DecodedItem item = Resolve(export.Sort, (uint)i);
                if (item.Type is { Kind: DecodedTypeKind.Named, Owner: null } named)
                {
                    named.Owner = owner;
                }
                return item;
            }
        }
        return DecodeExport(export, owner);
    }

    /// <summary>The world of this component: its imports and exports, in binary order.</summary>
    public DecodedComponentType World()
    {
        var world = new DecodedComponentType();
        foreach (ComponentImport import in _binary.Imports)
        {
            world.Imports.Add(new KeyValuePair<string, DecodedItem>(import.Name, ItemOf(import.Description.Sort, ComponentItemOrigin.Import, _binary.Imports.IndexOf(import))));
        }
        foreach (ComponentExport export in _binary.Exports)
        {
            world.Exports.Add(new KeyValuePair<string, DecodedItem>(export.Name, ItemOf(export.Sort, ComponentItemOrigin.Export, _binary.Exports.IndexOf(export))));
        }
        return world;
    }

    private DecodedItem ItemOf(ComponentSort sort, ComponentItemOrigin origin, int definition)
    {
        IReadOnlyList<ComponentItem> space = _binary.Space(sort);
        for (int i = 0; i < space.Count; i++)
        {
            if (space[i].Origin == origin && space[i].Definition == definition)
            {
                return Resolve(sort, (uint)i);
            }
        }
        return new DecodedItem(sort);
    }
}
