using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Async;

/// <summary>
/// Which stream or future type a built-in like <c>[stream-read-0]f</c> of module <c>M</c> means: the
/// N-th stream or future in the type of function <c>f</c> of <c>M</c> (an imported interface, or
/// <c>[export]…</c> for an exported one; <c>$root</c> for world functions), counting as wit-bindgen
/// does (<see cref="CoreAsyncBuiltins.Channels"/>). The world's list is the guest contract's.
/// </summary>
internal sealed class ChannelPayloads
{
    private readonly Dictionary<(string Module, string Function, int Index), CoreChannelType> _types = [];

    /// <summary>No stream or future types: what the built-ins of no function (<c>[stream-new-unit]</c>) need.</summary>
    public static ChannelPayloads None { get; } = new([]);

    public ChannelPayloads(IEnumerable<CoreChannelType> types)
    {
        foreach (var type in types)
        {
            _types[(type.Module, type.Function, type.Index)] = type;
        }
    }

    public ChannelPayloads(WitWorld world)
        : this(CoreWorldContract.For(world).Channels)
    {
    }

    /// <summary>The stream or future type number <paramref name="index"/> of <paramref name="function"/> in <paramref name="module"/>, or null.</summary>
    public CoreChannelType? Find(string module, string function, int index) => _types.GetValueOrDefault((module, function, index));
}
