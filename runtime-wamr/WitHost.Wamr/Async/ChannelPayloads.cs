using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Async;

/// <summary>
/// Which stream or future type a built-in like <c>[stream-read-0]f</c> of module <c>M</c> means: the
/// N-th stream or future in the type of function <c>f</c> of <c>M</c> (an imported interface, or
/// <c>[export]…</c> for an exported one; <c>$root</c> for world functions), counting as wit-bindgen
/// does (<see cref="CoreAsyncBuiltins.Channels"/>).
/// </summary>
internal sealed class ChannelPayloads
{
    private readonly Dictionary<(string Module, string Function), IReadOnlyList<WitType>> _types = [];

    public ChannelPayloads(WitWorld world)
    {
        var bindings = CoreWorldBindings.For(world);
        foreach (var import in bindings.Imports)
        {
            Add(import.CoreName.Module, import.Function);
        }

        foreach (var export in bindings.Exports)
        {
            Add(CoreNames.ExportedResourceModule(export.InterfaceItemName), export.Function);
        }
    }

    /// <summary>The stream or future type number <paramref name="index"/> of <paramref name="function"/> in <paramref name="module"/>, or null.</summary>
    public WitType? Find(string module, string function, int index) =>
        _types.TryGetValue((module, function), out var types) && index < types.Count ? types[index] : null;

    private void Add(string module, WitFunction function)
    {
        var types = CoreAsyncBuiltins.Channels(function);
        if (types.Count > 0)
        {
            _types[(module, function.Name)] = types;
        }
    }
}
