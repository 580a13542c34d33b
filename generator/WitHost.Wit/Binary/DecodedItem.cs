namespace WitHost.Wit.Binary;

/// <summary>
/// An item of a component-level index space, decoded: a type (a value type, a function type, an
/// instance type or a component type), a function, or an instance.
/// </summary>
internal sealed record DecodedItem(ComponentSort Sort, DecodedType? Type = null, DecodedFunction? Function = null, DecodedInstance? Instance = null, DecodedComponentType? Component = null);
