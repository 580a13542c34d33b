namespace WitHost.Wit.Binary;

/// <summary>The kinds of component type definitions.</summary>
public enum ComponentTypeKind
{
    Primitive,
    Record,
    Variant,
    List,
    FixedSizeList,
    Tuple,
    Flags,
    Enum,
    Option,
    Result,
    Own,
    Borrow,
    Stream,
    Future,
    Map,
    Function,
    Resource,
    Instance,
    Component,
}
