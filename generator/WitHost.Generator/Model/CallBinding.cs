using WitHost.Wit.Abi;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// One WIT function as a generated call: an export wrapper (the host lowers the arguments into the
/// guest and lifts the result) or an import entry (the guest's arguments are lifted, the host's
/// result lowered). The core signature and names come from the ABI model.
/// </summary>
/// <param name="MethodName">The C# method name (of the wrapper, or of the host interface method it calls).</param>
/// <param name="WitName">The Component Model function name, for docs and trap messages.</param>
/// <param name="CoreModule">Imports: the core import module; exports: null.</param>
/// <param name="CoreName">The core import name, or the core export name.</param>
/// <param name="PostReturnName">Exports: the <c>cabi_post_</c> function the guest may export.</param>
/// <param name="Parameters">The parameters in WIT order.</param>
/// <param name="Result">The result, or null.</param>
/// <param name="CoreParams">The core parameter types (with the out-pointer of a lowered function whose result is in memory).</param>
/// <param name="CoreResults">The core result types.</param>
/// <param name="ParamsInMemory">True when the parameters travel as a pointer to a tuple in memory.</param>
/// <param name="ResultsInMemory">True when the result travels through a return area.</param>
/// <param name="ParamOffsets">When <paramref name="ParamsInMemory"/>: each parameter's offset in the tuple.</param>
/// <param name="ParamsSize">When <paramref name="ParamsInMemory"/>: the tuple's byte size.</param>
/// <param name="ParamsAlignment">When <paramref name="ParamsInMemory"/>: the tuple's alignment.</param>
/// <param name="Docs">The WIT doc comment, or null.</param>
internal sealed record CallBinding(
    string MethodName,
    string WitName,
    string? CoreModule,
    string CoreName,
    string PostReturnName,
    EquatableArray<AbiParameterBinding> Parameters,
    AbiTypeBinding? Result,
    EquatableArray<CoreValueType> CoreParams,
    EquatableArray<CoreValueType> CoreResults,
    bool ParamsInMemory,
    bool ResultsInMemory,
    EquatableArray<uint> ParamOffsets,
    uint ParamsSize,
    uint ParamsAlignment,
    string? Docs)
{
    /// <summary>True when the call touches guest memory (so it needs a Canonical ABI context).</summary>
    public bool NeedsMemory => ParamsInMemory || ResultsInMemory || Parameters.Any(parameter => parameter.Type.NeedsMemory) || (Result?.NeedsMemory ?? false);

    /// <summary>
    /// For a <c>[method]r.m</c> import, the resource's PascalCase name (else null): the first
    /// parameter is <c>self</c>, whose object the host's method is called on, rather than an argument.
    /// </summary>
    public string? SelfResource { get; init; }

    /// <summary>
    /// For a call the host implements (an import): the name of the generated static method that
    /// serves it, unique among the host class's members. Null for calls into the guest.
    /// </summary>
    public string? EntryName { get; init; }

    /// <summary>
    /// True for an <c>async func</c>: an export is started with <c>[async-lift]</c> and driven
    /// through its callback (<see cref="CoreName"/> is then the name after that prefix), an import
    /// is served as <c>[async-lower]</c> (<see cref="CoreName"/> includes that prefix).
    /// </summary>
    public bool IsAsync { get; init; }

    /// <summary>
    /// Async exports of a C#-first interface whose method returns <c>ValueTask</c>: the wrapper
    /// returns one around the call's task (the .wit path's wrappers return the <c>Task</c> itself).
    /// </summary>
    public bool ReturnsValueTask { get; init; }

    /// <summary>Async exports: the core parameters of the guest's <c>task.return</c> (the flat result, or a pointer to it when <see cref="ResultsInMemory"/>).</summary>
    public EquatableArray<CoreValueType> TaskReturnParams { get; init; } = EquatableArray<CoreValueType>.Empty;

    /// <summary>
    /// True for a synchronous export whose arguments and result are core values only (nothing in
    /// memory, no handle) and whose result cannot fail to lift: no <c>char</c>, enum or variant
    /// result, whose lift checks a value the guest chose. Its generated call goes through the
    /// runtime's <c>ScalarExport</c>, one entry into the instance without a whole-call scope; the
    /// guest's post-return then runs before the lift, which nothing can tell from after
    /// (docs/generator.md). A <c>char</c> or enum argument is lowered by the host and cannot fail.
    /// </summary>
    public bool IsScalarExport => CoreModule is null && !IsAsync && !ParamsInMemory && !ResultsInMemory
        && Parameters.All(parameter => LiftsWithoutCheck(parameter.Type.Kind) || parameter.Type.Kind is AbiTypeKind.Char or AbiTypeKind.Enum)
        && (Result is null || LiftsWithoutCheck(Result.Kind));

    // A value of one or more core values that lifts and lowers without memory, handles or a check.
    private static bool LiftsWithoutCheck(AbiTypeKind kind) => kind is AbiTypeKind.Bool
        or AbiTypeKind.S8 or AbiTypeKind.U8 or AbiTypeKind.S16 or AbiTypeKind.U16 or AbiTypeKind.S32 or AbiTypeKind.U32
        or AbiTypeKind.S64 or AbiTypeKind.U64 or AbiTypeKind.F32 or AbiTypeKind.F64 or AbiTypeKind.Flags;

    /// <summary>The resource tables (fields of the generated table holder) of the <c>borrow</c>s among the parameters.</summary>
    public IEnumerable<string> BorrowTables => Parameters.SelectMany(parameter => Borrows(parameter.Type)).Distinct();

    /// <summary>
    /// True when a parameter holds a <c>borrow</c> of a resource the guest implements inside
    /// another value (a list, a record, …): an async call lends those to its whole task as it
    /// lowers them (<c>TaskLends</c>), where a top-level one is lent before the call.
    /// </summary>
    public bool LendsNestedGuestBorrows => Parameters.Any(parameter => parameter.Type.Children.Any(HoldsGuestBorrow));

    private static bool HoldsGuestBorrow(AbiTypeBinding type) => type.Kind == AbiTypeKind.ExportedBorrow || type.Children.Any(HoldsGuestBorrow);

    private static IEnumerable<string> Borrows(AbiTypeBinding type)
        => (type.Kind == AbiTypeKind.Borrow ? new[] { type.ResourceTableName } : Enumerable.Empty<string>()).Concat(type.Children.SelectMany(Borrows));
}
