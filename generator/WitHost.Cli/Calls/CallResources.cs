using WitHost.Wamr;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Cli.Calls;

/// <summary>
/// The resources of one <c>wit-host call</c> instance. For each resource the guest exports, a
/// <see cref="RepTable"/> serves its <c>[export]</c> intrinsics, and the command keeps the handles
/// the guest's results hand out: only those may be passed back (a made-up handle is refused before
/// the call), a borrow passes the representation, an own moves back into the guest's table, and
/// <c>[resource-drop]r(h)</c> gives one up (running the guest's destructor). The command implements
/// no resource of its own, so a guest's drop of an imported resource's handle traps.
/// </summary>
internal sealed class CallResources
{
    private readonly Dictionary<WitResourceType, (RepTable Table, string? ItemName)> _exported = new();
    private readonly List<(string? ItemName, WitResourceType Resource)> _imported = [];

    // Host-held handles: slot i is what the command printed as handle i; 0 is never handed out.
    private readonly List<(WitResourceType Resource, uint Rep)?> _held = [null];

    public CallResources(WitWorld world)
    {
        foreach (var (itemName, resource) in Resources(world.Exports))
        {
            _exported[resource] = (new RepTable(resource.Name, CoreNames.ExportedResourceDestructor(itemName, resource)), itemName);
        }

        _imported.AddRange(Resources(world.Imports));
    }

    /// <summary>The resources the guest exports, for <c>[resource-drop]</c> calls.</summary>
    public IEnumerable<(string? ItemName, WitResourceType Resource)> Exported => _exported.Select(pair => (pair.Value.ItemName, pair.Key));

    /// <summary>Defines the guest's resource intrinsics in <paramref name="imports"/>.</summary>
    public void Define(HostImports imports)
    {
        foreach (var (resource, (table, itemName)) in _exported)
        {
            var module = CoreNames.ExportedResourceModule(itemName);
            var newName = CoreNames.ExportedResourceNew(itemName, resource);
            var repName = CoreNames.ExportedResourceRep(itemName, resource);
            var dropName = CoreNames.ExportedResourceDrop(itemName, resource);
            imports.Define(module, newName.Name, call => call.SetResult(table.New(call.GetUInt32(0))));
            imports.Define(module, repName.Name, call => call.SetResult(table.Rep(call.Instance, call.GetInt32(0), repName.ToString())));
            imports.Define(module, dropName.Name, call => table.Destroy(call.Instance, table.Drop(call.Instance, call.GetInt32(0), dropName.ToString())));
        }

        foreach (var (itemName, resource) in _imported)
        {
            var drop = CoreNames.ImportedResourceDrop(itemName, resource);
            imports.Define(drop.Module, drop.Name, call => throw new InvalidOperationException(
                $"handle {call.GetInt32(0)} of {resource.Name} was never handed out: wit-host call implements no imported resource"));
        }
    }

    /// <summary>
    /// The argument as the guest receives it: each host-held handle a borrow (the representation) or
    /// an own (a new handle in the guest's table, which the command no longer holds).
    /// </summary>
    /// <exception cref="UnknownHandleException">A handle this instance did not hand out, or of another resource.</exception>
    public WitValue Lower(WitType type, WitValue value)
        => HandleValues.Map(type, value, (handleType, handle) =>
        {
            if (!_exported.TryGetValue(handleType.Resource, out var exported))
            {
                throw new UnknownHandleException($"handle {handle.Handle} of {handleType.Resource.Name}: wit-host call holds no handle of a resource the guest imports");
            }

            var rep = Held(handleType.Resource, handle.Handle);
            if (handleType.Kind == WitHandleKind.Borrow)
            {
                return new WitHandleValue(rep);
            }

            _held[(int)handle.Handle] = null;
            return new WitHandleValue((uint)exported.Table.New(rep));
        });

    /// <summary>The result as the command prints it: each own handle the guest returns becomes a host-held handle.</summary>
    public WitValue Lift(WamrInstance instance, string functionName, WitType type, WitValue value)
        => HandleValues.Map(type, value, (handleType, handle) =>
        {
            if (handleType.Kind != WitHandleKind.Own || !_exported.TryGetValue(handleType.Resource, out var exported))
            {
                return handle;
            }

            var rep = exported.Table.Take(instance, (int)handle.Handle, functionName);
            _held.Add((handleType.Resource, rep));
            return new WitHandleValue((uint)(_held.Count - 1));
        });

    /// <summary><c>[resource-drop]</c> of a host-held handle: the guest's destructor runs.</summary>
    public void Drop(WamrInstance instance, WitResourceType resource, uint handle)
    {
        var rep = Held(resource, handle);
        _held[(int)handle] = null;
        _exported[resource].Table.Destroy(instance, rep);
    }

    private uint Held(WitResourceType resource, uint handle)
    {
        if (handle < _held.Count && _held[(int)handle] is { } held)
        {
            if (held.Resource.Equals(resource))
            {
                return held.Rep;
            }

            throw new UnknownHandleException($"handle {handle} is a {held.Resource.Name}, not a {resource.Name}");
        }

        var live = Enumerable.Range(0, _held.Count).Where(i => _held[i] is { } h && h.Resource.Equals(resource)).ToList();
        throw new UnknownHandleException($"handle {handle} of {resource.Name} was not handed out by this instance (it holds {(live.Count == 0 ? "none" : string.Join(", ", live))})");
    }

    private static IEnumerable<(string? ItemName, WitResourceType Resource)> Resources(IEnumerable<WitWorldItem> items)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case WitWorldTypeItem { Type: WitResourceType resource }:
                    yield return (null, resource);
                    break;
                case WitWorldInterfaceItem interfaceItem:
                    foreach (var resource in interfaceItem.Interface.Types.OfType<WitResourceType>())
                    {
                        yield return (interfaceItem.Name, resource);
                    }

                    break;
            }
        }
    }
}

/// <summary>An argument names a handle the instance did not hand out.</summary>
internal sealed class UnknownHandleException(string message) : Exception(message)
{
}
