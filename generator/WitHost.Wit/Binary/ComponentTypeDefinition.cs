namespace WitHost.Wit.Binary;

/// <summary>A type definition of a component's type section (or of an instance or component type's declarations).</summary>
public sealed class ComponentTypeDefinition
{
    public ComponentTypeDefinition(ComponentTypeKind kind, int offset)
    {
        Kind = kind;
        Offset = offset;
    }

    public ComponentTypeKind Kind { get; }

    public int Offset { get; }

    /// <summary>The opcode of a <see cref="ComponentTypeKind.Primitive"/>.</summary>
    public byte Primitive { get; init; }

    /// <summary>Record fields, variant cases (the type is null for a case without payload), function parameters.</summary>
    public IReadOnlyList<ComponentNamedValueType> Fields { get; init; } = [];

    /// <summary>Flags and enum names.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Tuple members.</summary>
    public IReadOnlyList<ComponentValueType> Members { get; init; } = [];

    /// <summary>The element of list, option, stream, future; the ok type of a result; a function's result; a map's key.</summary>
    public ComponentValueType? Element { get; init; }

    /// <summary>The error type of a result; a map's value.</summary>
    public ComponentValueType? Error { get; init; }

    /// <summary>The length of a fixed-size list.</summary>
    public uint Length { get; init; }

    /// <summary>The resource type index of own and borrow.</summary>
    public uint Resource { get; init; }

    /// <summary>Whether a function type is async.</summary>
    public bool Async { get; init; }

    /// <summary>The core function index of a resource's destructor.</summary>
    public uint? Destructor { get; init; }

    /// <summary>The declarations of an instance or component type, in order.</summary>
    public IReadOnlyList<ComponentTypeDeclaration> Declarations { get; init; } = [];
}
