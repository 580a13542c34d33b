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
/// <param name="ElementStructure">The element type by its structure (<see cref="StructuralTypeName"/>): what tells two stream or future types apart.</param>
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
    string ElementStructure,
    uint ElementSize,
    uint ElementAlignment,
    bool ElementIsNumber,
    bool ElementIsBytes)
{
    /// <summary>The type as WIT writes it, e.g. <c>stream&lt;u8&gt;</c>.</summary>
    public string TypeName => Name(IsFuture, ElementName);

    /// <summary>The type by its structure, e.g. <c>stream&lt;u8&gt;</c> for a <c>stream&lt;bytes&gt;</c> where <c>type bytes = u8</c>.</summary>
    public string StructuralName => Name(IsFuture, ElementStructure);

    /// <summary>
    /// Whether an end of <paramref name="other"/> is an end of this type: the spec's stream and future
    /// built-ins, and lifting a stream or future, trap on an end of another type (<c>e.shared.t != t</c>).
    /// </summary>
    public bool IsSameType(CoreChannelType other) => other.IsFuture == IsFuture && other.ElementStructure == ElementStructure;

    private static string Name(bool isFuture, string element) => (isFuture ? "future" : "stream") + (element.Length == 0 ? "" : "<" + element + ">");
}
