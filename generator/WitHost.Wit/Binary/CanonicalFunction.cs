namespace WitHost.Wit.Binary;

/// <summary>A <c>canon</c> definition.</summary>
/// <param name="Kind">Which one.</param>
/// <param name="Function">The core function a lift lifts, or the component function a lower lowers.</param>
/// <param name="Type">The function type of a lift, or the resource type of <c>resource.*</c>.</param>
/// <param name="Options">The options of a lift or lower.</param>
/// <param name="Opcode">The definition's first byte (names an <see cref="CanonicalFunctionKind.Other"/> built-in).</param>
/// <param name="Offset">Where it is in the binary.</param>
public sealed record CanonicalFunction(CanonicalFunctionKind Kind, uint Function, uint Type, CanonicalOptionList? Options, byte Opcode, int Offset)
{
    /// <summary>The sort the definition adds to: component func for a lift, core func for the rest.</summary>
    public ComponentSort Sort => Kind == CanonicalFunctionKind.Lift ? ComponentSort.Func : ComponentSort.CoreFunc;
}
