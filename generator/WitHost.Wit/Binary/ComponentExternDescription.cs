namespace WitHost.Wit.Binary;

/// <summary>The type of an import or export: <c>externdesc</c>.</summary>
/// <param name="Sort">Module, func, value, type, component or instance.</param>
/// <param name="TypeIndex">The type index (a core type for a module; for a type, the type of an <c>eq</c> bound).</param>
/// <param name="Bound">For a type: its bound.</param>
public sealed record ComponentExternDescription(ComponentSort Sort, uint TypeIndex, ComponentTypeBound Bound);
