namespace WitHost.Wit.Binary;

/// <summary>A <c>canon</c> definition.</summary>
/// <param name="Kind">Which one.</param>
/// <param name="Function">The core function a lift lifts, or the component function a lower lowers.</param>
/// <param name="Type">The function type of a lift, the resource type of <c>resource.*</c>, or the stream or future type of a <c>stream.*</c>/<c>future.*</c> built-in.</param>
/// <param name="Options">The options of a lift or lower, or of a built-in that takes them (<c>task.return</c>, copies, <c>error-context.*</c>; the <c>memory</c> of <c>waitable-set.wait</c>/<c>poll</c>).</param>
/// <param name="Opcode">The definition's first byte (names an <see cref="CanonicalFunctionKind.Other"/> built-in).</param>
/// <param name="Offset">Where it is in the binary.</param>
public sealed record CanonicalFunction(CanonicalFunctionKind Kind, uint Function, uint Type, CanonicalOptionList? Options, byte Opcode, int Offset)
{
    /// <summary>The sort the definition adds to: component func for a lift, core func for the rest.</summary>
    public ComponentSort Sort => Kind == CanonicalFunctionKind.Lift ? ComponentSort.Func : ComponentSort.CoreFunc;

    /// <summary>Which built-in an <see cref="CanonicalFunctionKind.Other"/> definition is.</summary>
    public CanonicalBuiltin? Builtin => Kind == CanonicalFunctionKind.Other ? (CanonicalBuiltin)Opcode : null;

    /// <summary>The <c>async?</c> or <c>cancellable?</c> immediate of a built-in that has one.</summary>
    public bool Flag { get; init; }

    /// <summary>The slot of <c>context.get</c>/<c>context.set</c>.</summary>
    public uint Slot { get; init; }
}
