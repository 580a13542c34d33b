using WitHost.Wit.Collections;

namespace WitHost.Wit.Abi;

/// <summary>A core wasm function type: parameter and result types, without the ABI details of how they came to be.</summary>
/// <param name="Params">The core parameter types.</param>
/// <param name="Results">The core result types.</param>
public sealed record CoreFunctionType(EquatableArray<CoreValueType> Params, EquatableArray<CoreValueType> Results)
{
    /// <summary><c>(i32) -> (i32)</c>: the type of <c>[resource-new]</c> and <c>[resource-rep]</c>.</summary>
    public static CoreFunctionType HandleToI32 { get; } = new(EquatableArray.Create(CoreValueType.I32), EquatableArray.Create(CoreValueType.I32));

    /// <summary><c>(i32) -> ()</c>: the type of <c>[resource-drop]</c> and of a resource destructor.</summary>
    public static CoreFunctionType ConsumeI32 { get; } = new(EquatableArray.Create(CoreValueType.I32), EquatableArray<CoreValueType>.Empty);

    /// <summary>The callback of an async export: (event code, handle, payload) -> callback code.</summary>
    public static CoreFunctionType Callback { get; } = new(EquatableArray.Create(CoreValueType.I32, CoreValueType.I32, CoreValueType.I32), EquatableArray.Create(CoreValueType.I32));

    /// <summary><c>(i32, i32, i32, i32) -> (i32)</c>: the type of <c>cabi_realloc(old, old-size, align, new-size)</c>.</summary>
    public static CoreFunctionType Realloc { get; } = new(
        EquatableArray.Create(CoreValueType.I32, CoreValueType.I32, CoreValueType.I32, CoreValueType.I32),
        EquatableArray.Create(CoreValueType.I32));

    /// <summary>
    /// The type of the post-return function of an export with this type: it takes the export's
    /// core results and returns nothing.
    /// </summary>
    public CoreFunctionType PostReturn() => new(Results, EquatableArray<CoreValueType>.Empty);

    /// <summary>
    /// The type as <c>(i32, i64) -> (i32)</c>, the form the runtime's <c>FunctionType</c> prints and
    /// parses (generated hosts carry their world's core types in this form).
    /// </summary>
    public override string ToString()
        => "(" + string.Join(", ", Params) + ") -> (" + string.Join(", ", Results) + ")";
}
