namespace WitHost.Wit.Binary;

/// <summary>
/// A component value type as the WIT decoder sees it: object identity is type identity, so a
/// named type used by two interfaces is one object, owned by the interface that defines it.
/// </summary>
internal sealed class DecodedType
{
    private DecodedType(DecodedTypeKind kind) => Kind = kind;

    public DecodedTypeKind Kind { get; }

    /// <summary>The WIT name of a primitive, or the name of a named type.</summary>
    public string? Name { get; private init; }

    /// <summary>The definition of a defined type.</summary>
    public ComponentTypeDefinition? Definition { get; private init; }

    /// <summary>The operands of a defined type in definition order (fields, cases (null: no payload), members, element, ok and error, the resource of own and borrow).</summary>
    public IReadOnlyList<DecodedType?> Operands { get; private init; } = [];

    /// <summary>What a named type names.</summary>
    public DecodedType? Target { get; private init; }

    /// <summary>The interface that defines a named type (null for a world-level type).</summary>
    public DecodedInstance? Owner { get; set; }

    public static DecodedType Primitive(string name) => new(DecodedTypeKind.Primitive) { Name = name };

    /// <summary>How deeply anonymous types nest in this one (a named operand counts as one level: it prints as its name).</summary>
    public int Nesting { get; private init; } = 1;

    /// <summary>How deeply anonymous types may nest; printing them recurses, so a hostile binary must not nest them without bound.</summary>
    public const int MaxNesting = 500;

    public static DecodedType Defined(ComponentTypeDefinition definition, IReadOnlyList<DecodedType?> operands)
    {
        int nesting = 1 + operands.Select(o => o is null || o.Kind != DecodedTypeKind.Defined ? 1 : o.Nesting).DefaultIfEmpty(0).Max();
        if (nesting > MaxNesting)
        {
            throw new ComponentFormatException($"anonymous types nest deeper than {MaxNesting} levels", definition.Offset);
        }
        return new(DecodedTypeKind.Defined) { Definition = definition, Operands = operands, Nesting = nesting };
    }

    public static DecodedType NewResource() => new(DecodedTypeKind.Resource);

    public static DecodedType Named(string name, DecodedType target, DecodedInstance? owner) =>
        new(DecodedTypeKind.Named) { Name = name, Target = target, Owner = owner };

    /// <summary>Follows named types to what they finally name.</summary>
    public DecodedType Underlying
    {
        get
        {
            DecodedType type = this;
            for (int i = 0; type.Kind == DecodedTypeKind.Named && type.Target is not null && i < 1000; i++)
            {
                type = type.Target;
            }
            return type;
        }
    }
}
