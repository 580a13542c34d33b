using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// A world's items sorted once by side and kind, in the world's order: what import binding,
/// export binding and table binding each read. Types a world declares are always imports.
/// </summary>
internal sealed record WorldItems(
    EquatableArray<WitWorldInterfaceItem> ImportedInterfaces,
    EquatableArray<WitNamedType> ImportedTypes,
    EquatableArray<WitFunction> ImportedFunctions,
    EquatableArray<WitWorldInterfaceItem> ExportedInterfaces,
    EquatableArray<WitFunction> ExportedFunctions)
{
    public static WorldItems Of(WitWorld world) => new(
        world.Imports.OfType<WitWorldInterfaceItem>().ToEquatableArray(),
        world.Imports.OfType<WitWorldTypeItem>().Select(item => item.Type).ToEquatableArray(),
        world.Imports.OfType<WitWorldFunctionItem>().Select(item => item.Function).ToEquatableArray(),
        world.Exports.OfType<WitWorldInterfaceItem>().ToEquatableArray(),
        world.Exports.OfType<WitWorldFunctionItem>().Select(item => item.Function).ToEquatableArray());

    /// <summary>The resources the world itself declares (not those of its interfaces).</summary>
    public IEnumerable<WitResourceType> ImportedResources => ImportedTypes.OfType<WitResourceType>();
}
