namespace WitHost.Wit.Binary;

/// <summary>The declarations of an instance or component type, decoded in order.</summary>
internal sealed class DeclarationScope : DecodeScope
{
    private readonly List<DecodedItem> _types = [];
    private readonly List<DecodedItem> _instances = [];

    private DeclarationScope(DecodeScope parent)
        : base(parent, parent.Depth + 1)
    {
    }

    public override DecodedItem Resolve(ComponentSort sort, uint index)
    {
        List<DecodedItem>? space = sort switch
        {
            ComponentSort.Type => _types,
            ComponentSort.Instance => _instances,
            _ => null,
        };
        if (space is null || index >= space.Count)
        {
            throw new ComponentFormatException($"a type declaration refers to {sort.ToString().ToLowerInvariant()} {index}, which it does not declare", 0);
        }
        return space[(int)index];
    }

    public static DecodedItem Evaluate(ComponentTypeDefinition definition, DecodeScope parent)
    {
        var scope = new DeclarationScope(parent);
        bool isInstance = definition.Kind == ComponentTypeKind.Instance;
        var instance = isInstance ? new DecodedInstance() : null;
        var component = isInstance ? null : new DecodedComponentType();
        foreach (ComponentTypeDeclaration declaration in definition.Declarations)
        {
            switch (declaration.Kind)
            {
                case ComponentTypeDeclarationKind.Type:
                    scope._types.Add(scope.Convert(declaration.Type!));
                    break;
                case ComponentTypeDeclarationKind.Alias:
                {
                    ComponentAlias alias = declaration.Alias!;
                    DecodedItem item = alias.Target == ComponentAliasTarget.Outer
                        ? scope.Outer(alias.OuterCount, definition.Offset).Resolve(alias.Sort, alias.OuterIndex)
                        : ExportOf(scope.Resolve(ComponentSort.Instance, alias.Instance), alias.Name, definition.Offset);
                    scope.Add(alias.Sort, item);
                    break;
                }
                case ComponentTypeDeclarationKind.Export:
                case ComponentTypeDeclarationKind.Import:
                {
                    DecodedItem item = scope.Declare(declaration.Name!, declaration.Description!, instance, definition.Offset);
                    scope.Add(item.Sort, item);
                    var entry = new KeyValuePair<string, DecodedItem>(declaration.Name!, item);
                    if (instance is not null)
                    {
                        instance.Exports.Add(entry);
                    }
                    else if (declaration.Kind == ComponentTypeDeclarationKind.Import)
                    {
                        component!.Imports.Add(entry);
                    }
                    else
                    {
                        component!.Exports.Add(entry);
                    }
                    break;
                }
            }
        }
        return isInstance
            ? new DecodedItem(ComponentSort.Type, Instance: instance)
            : new DecodedItem(ComponentSort.Type, Component: component);
    }

    private void Add(ComponentSort sort, DecodedItem item)
    {
        if (sort == ComponentSort.Type)
        {
            _types.Add(item);
        }
        else if (sort == ComponentSort.Instance)
        {
            _instances.Add(item);
        }
    }
}
