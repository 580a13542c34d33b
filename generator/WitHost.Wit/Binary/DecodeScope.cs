namespace WitHost.Wit.Binary;

/// <summary>
/// A place types are resolved in: a component (its index spaces), or the declarations of an
/// instance or component type (index spaces of their own). Outer aliases walk <see cref="Parent"/>.
/// </summary>
internal abstract class DecodeScope
{
    protected DecodeScope(DecodeScope? parent, int depth)
    {
        Parent = parent;
        Depth = depth;
        ResolutionChain = parent?.ResolutionChain ?? new int[1];
        if (depth > ComponentBinaryReader.MaxNesting * 2)
        {
            throw new ComponentFormatException($"types nest deeper than {ComponentBinaryReader.MaxNesting} levels", 0);
        }
    }

    public DecodeScope? Parent { get; }

    /// <summary>How many resolutions are in progress, in this scope and every scope nested in the outermost one (one counter for all).</summary>
    protected int[] ResolutionChain { get; }

    public int Depth { get; }

    /// <summary>Item <paramref name="index"/> of the component-level <paramref name="sort"/> space.</summary>
    public abstract DecodedItem Resolve(ComponentSort sort, uint index);

    public DecodeScope Outer(uint count, int offset)
    {
        DecodeScope scope = this;
        for (uint i = 0; i < count; i++)
        {
            scope = scope.Parent ?? throw new ComponentFormatException($"outer alias reaches {count} scopes out, past the outermost component", offset);
        }
        return scope;
    }

    /// <summary>A value type: a primitive, or a type index that must name a value type.</summary>
    public DecodedType ValueType(ComponentValueType type, int offset)
    {
        if (type.IsPrimitive)
        {
            return DecodedType.Primitive(ComponentValueType.PrimitiveName(type.Primitive)!);
        }
        return Resolve(ComponentSort.Type, type.Index).Type
            ?? throw new ComponentFormatException($"type {type.Index} is used as a value type but is not one", offset);
    }

    /// <summary>Decodes a type definition in this scope.</summary>
    public DecodedItem Convert(ComponentTypeDefinition definition)
    {
        int at = definition.Offset;
        switch (definition.Kind)
        {
            case ComponentTypeKind.Primitive:
                return new DecodedItem(ComponentSort.Type, Type: DecodedType.Primitive(ComponentValueType.PrimitiveName(definition.Primitive)!));
            case ComponentTypeKind.Function:
            {
                var parameters = definition.Fields
                    .Select(f => new KeyValuePair<string, DecodedType>(f.Name, ValueType(f.Type!.Value, at)))
                    .ToList();
                DecodedType? result = definition.Element is { } r ? ValueType(r, at) : null;
                return new DecodedItem(ComponentSort.Type, Function: new DecodedFunction(parameters, result, definition.Async));
            }
            case ComponentTypeKind.Instance:
            case ComponentTypeKind.Component:
                return DeclarationScope.Evaluate(definition, this);
            case ComponentTypeKind.Resource:
                return new DecodedItem(ComponentSort.Type, Type: DecodedType.NewResource());
            default:
                return new DecodedItem(ComponentSort.Type, Type: DecodedType.Defined(definition, Operands(definition)));
        }
    }

    private List<DecodedType?> Operands(ComponentTypeDefinition definition)
    {
        int at = definition.Offset;
        var operands = new List<DecodedType?>();
        switch (definition.Kind)
        {
            case ComponentTypeKind.Record:
            case ComponentTypeKind.Variant:
                operands.AddRange(definition.Fields.Select(f => f.Type is { } t ? ValueType(t, at) : null));
                break;
            case ComponentTypeKind.Tuple:
                operands.AddRange(definition.Members.Select(m => (DecodedType?)ValueType(m, at)));
                break;
            case ComponentTypeKind.Own:
            case ComponentTypeKind.Borrow:
                operands.Add(ValueType(ComponentValueType.OfIndex(definition.Resource), at));
                break;
            case ComponentTypeKind.Flags:
            case ComponentTypeKind.Enum:
                break;
            default:
                operands.Add(definition.Element is { } element ? ValueType(element, at) : null);
                if (definition.Kind is ComponentTypeKind.Result or ComponentTypeKind.Map)
                {
                    operands.Add(definition.Error is { } error ? ValueType(error, at) : null);
                }
                break;
        }
        return operands;
    }

    /// <summary>
    /// The item an import or export declaration with this type introduces. Types are named
    /// (<paramref name="owner"/> is the interface that declares them, null in a world).
    /// </summary>
    public DecodedItem Declare(string name, ComponentExternDescription description, DecodedInstance? owner, int offset)
    {
        switch (description.Sort)
        {
            case ComponentSort.Type:
            {
                DecodedType target = description.Bound == ComponentTypeBound.SubResource
                    ? DecodedType.NewResource()
                    : Resolve(ComponentSort.Type, description.TypeIndex).Type
                        ?? throw new ComponentFormatException($"the type '{name}' is bound to a type that is not a value type", offset);
                return new DecodedItem(ComponentSort.Type, Type: DecodedType.Named(name, target, owner));
            }
            case ComponentSort.Func:
                return new DecodedItem(ComponentSort.Func, Function: Resolve(ComponentSort.Type, description.TypeIndex).Function
                    ?? throw new ComponentFormatException($"the function '{name}' has a type that is not a function type", offset));
            case ComponentSort.Instance:
            {
                DecodedInstance instance = Resolve(ComponentSort.Type, description.TypeIndex).Instance
                    ?? throw new ComponentFormatException($"the instance '{name}' has a type that is not an instance type", offset);
                instance.Name ??= name;
                return new DecodedItem(ComponentSort.Instance, Instance: instance);
            }
            case ComponentSort.Component:
                return new DecodedItem(ComponentSort.Component, Component: Resolve(ComponentSort.Type, description.TypeIndex).Component
                    ?? throw new ComponentFormatException($"the component '{name}' has a type that is not a component type", offset));
            default:
                return new DecodedItem(description.Sort);
        }
    }

    /// <summary>An export of an instance item.</summary>
    public static DecodedItem ExportOf(DecodedItem instance, string name, int offset)
    {
        if (instance.Instance is null)
        {
            throw new ComponentFormatException($"alias of '{name}' from something that is not an instance", offset);
        }
        foreach (KeyValuePair<string, DecodedItem> export in instance.Instance.Exports)
        {
            if (export.Key == name)
            {
                return export.Value;
            }
        }
        throw new ComponentFormatException($"the instance has no export '{name}'", offset);
    }
}
