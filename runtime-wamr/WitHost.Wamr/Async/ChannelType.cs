using WitHost.Wit.Abi;

namespace WitHost.Wamr.Async;

/// <summary>
/// One stream or future type a guest's built-ins name, as generated hosts list them for
/// <see cref="AsyncBuiltins.AddChannelBuiltins"/>: the <paramref name="Index"/>-th stream or future
/// of function <paramref name="Function"/> of core module <paramref name="Module"/>
/// (<c>[stream-read-0]f</c>…), with its element's layout. The values are the ABI model's
/// (<see cref="CoreChannelType"/>), written into the generated host.
/// </summary>
/// <param name="Module">The built-ins' core module: the function's import module, or <c>[export]…</c> for an export.</param>
/// <param name="Function">The WIT function's name.</param>
/// <param name="Index">Which stream or future of the function's type, counted as wit-bindgen does.</param>
/// <param name="IsFuture">A future, not a stream.</param>
/// <param name="ElementName">The element type as WIT writes it; empty when there are no elements.</param>
/// <param name="ElementStructure">The element type by its structure (<see cref="StructuralTypeName"/>), which tells stream and future types apart.</param>
/// <param name="ElementSize">The element's size in linear memory.</param>
/// <param name="ElementAlignment">The element's alignment in linear memory.</param>
/// <param name="ElementIsNumber">No elements, or numbers (the spec's <c>none_or_number_type</c>).</param>
/// <param name="ElementIsBytes">No elements, or numbers, <c>bool</c> or <c>char</c>.</param>
public sealed record ChannelType(
    string Module,
    string Function,
    int Index,
    bool IsFuture,
    string ElementName,
    string ElementStructure,
    uint ElementSize,
    uint ElementAlignment,
    bool ElementIsNumber,
    bool ElementIsBytes)
{
    internal CoreChannelType ToCore() => new(Module, Function, Index, IsFuture, ElementName, ElementStructure, ElementSize, ElementAlignment, ElementIsNumber, ElementIsBytes);
}
