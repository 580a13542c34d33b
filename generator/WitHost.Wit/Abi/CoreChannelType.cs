namespace WitHost.Wit.Abi;

/// <summary>
/// One stream or future type a guest's built-ins name (<c>[stream-read-N]f</c> of module
/// <see cref="Module"/>): the <see cref="Index"/>-th stream or future of function
/// <see cref="Function"/>, with its element's layout as the ABI model computes it.
/// </summary>
/// <param name="Module">The built-ins' core module: the function's import module, or <c>[export]…</c> for an export.</param>
/// <param name="Function">The WIT function's name.</param>
/// <param name="Index">The N of the built-ins' names (<see cref="CoreAsyncBuiltins.Channels"/>).</param>
/// <param name="IsFuture">A future, not a stream.</param>
/// <param name="ElementName">The element type as WIT writes it; empty when there are no elements.</param>
/// <param name="ElementSize">The element's size in linear memory (0 without elements).</param>
/// <param name="ElementAlignment">The element's alignment in linear memory.</param>
/// <param name="ElementIsNumber">No elements, or numbers: the spec's <c>none_or_number_type</c>.</param>
/// <param name="ElementIsBytes">No elements, or numbers, <c>bool</c> or <c>char</c>: values whose bytes are the value.</param>
public sealed record CoreChannelType(
    string Module,
    string Function,
    int Index,
    bool IsFuture,
    string ElementName,
    uint ElementSize,
    uint ElementAlignment,
    bool ElementIsNumber,
    bool ElementIsBytes)
{
    /// <summary>The type as WIT writes it, e.g. <c>stream&lt;u8&gt;</c>.</summary>
    public string TypeName => (IsFuture ? "future" : "stream") + (ElementName.Length == 0 ? "" : "<" + ElementName + ">");
}
