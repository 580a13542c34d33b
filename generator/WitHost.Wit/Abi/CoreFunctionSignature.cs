using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// The core wasm signature of a WIT function as the Canonical ABI lifts or lowers it
/// (<c>flatten_functype</c>): synchronously, or for an <c>async func</c> with the async options
/// (lifted with a callback, lowered with <c>async</c>).
/// </summary>
/// <param name="Direction">Guest export (lift) or guest import (lower).</param>
/// <param name="Params">The core parameter types, including a trailing out-pointer when
/// <see cref="ResultsInMemory"/> applies to a lowered function.</param>
/// <param name="Results">The core result types (none or one).</param>
/// <param name="ParamsInMemory">True when the parameters flatten to more than
/// <see cref="MaxFlatParams"/> values and travel as one pointer to a tuple in memory.</param>
/// <param name="ResultsInMemory">True when the result flattens to more than
/// <see cref="MaxFlatResults"/> value: a lifted function returns a pointer to its return area; a
/// lowered function receives an out-pointer as its last parameter. Async: a lowered function with a
/// result always receives an out-pointer; a lifted one passes its result to <c>task.return</c>,
/// through a pointer when it flattens to more than <see cref="MaxFlatParams"/> values.</param>
/// <param name="FlatParams">The flattened parameters before the spill to memory.</param>
/// <param name="FlatResults">The flattened results before the spill to memory.</param>
public sealed record CoreFunctionSignature(
    AbiDirection Direction,
    EquatableArray<CoreValueType> Params,
    EquatableArray<CoreValueType> Results,
    bool ParamsInMemory,
    bool ResultsInMemory,
    EquatableArray<CoreValueType> FlatParams,
    EquatableArray<CoreValueType> FlatResults)
{
    /// <summary>The most core parameters a synchronous function passes directly.</summary>
    public const int MaxFlatParams = 16;

    /// <summary>The most core results a synchronous function returns directly.</summary>
    public const int MaxFlatResults = 1;

    /// <summary>The most core parameters an async-lowered import passes directly.</summary>
    public const int MaxFlatAsyncParams = 4;

    /// <summary>True for the signature of an <c>async func</c> (async options).</summary>
    public bool IsAsync { get; init; }

    /// <summary>
    /// Async lifts: the parameters of the guest's <c>task.return</c> import, which takes the
    /// result (the flattened values, or one pointer when <see cref="ResultsInMemory"/>); empty otherwise.
    /// </summary>
    public EquatableArray<CoreValueType> TaskReturnParams { get; init; } = EquatableArray<CoreValueType>.Empty;

    /// <summary>The signature of <paramref name="function"/> in <paramref name="direction"/>.</summary>
    public static CoreFunctionSignature For(WitFunction function, AbiDirection direction)
    {
        var parameters = new WitType[function.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = function.Parameters[i].Type;
        }

        return function.IsAsync ? ForAsync(parameters, function.Result, direction) : For(parameters, function.Result, direction);
    }

    /// <summary>
    /// The signature of an <c>async func</c> with these parameter types and result in
    /// <paramref name="direction"/>: lifted with a callback, the export returns a callback code and
    /// passes its result to <c>task.return</c>; lowered, the import takes at most
    /// <see cref="MaxFlatAsyncParams"/> flat parameters, an out-pointer for the result, and returns
    /// the subtask's state and handle.
    /// </summary>
    public static CoreFunctionSignature ForAsync(IReadOnlyList<WitType> parameters, WitType? result, AbiDirection direction)
    {
        var flatParams = new List<CoreValueType>();
        foreach (var parameter in parameters)
        {
            flatParams.AddRange(CanonicalLayout.Flatten(parameter));
        }

        var flatResults = result is null ? EquatableArray<CoreValueType>.Empty : CanonicalLayout.Flatten(result);
        var one = EquatableArray.Create(CoreValueType.I32);
        if (direction == AbiDirection.Lift)
        {
            var paramsInMemory = flatParams.Count > MaxFlatParams;
            var resultsInMemory = flatResults.Count > MaxFlatParams;
            return new CoreFunctionSignature(
                direction,
                paramsInMemory ? one : flatParams.ToEquatableArray(),
                one,
                paramsInMemory,
                resultsInMemory,
                flatParams.ToEquatableArray(),
                flatResults)
            {
                IsAsync = true,
                TaskReturnParams = resultsInMemory ? one : flatResults,
            };
        }

        var lowerParamsInMemory = flatParams.Count > MaxFlatAsyncParams;
        var coreParams = lowerParamsInMemory ? new List<CoreValueType> { CoreValueType.I32 } : new List<CoreValueType>(flatParams);
        if (result is not null)
        {
            coreParams.Add(CoreValueType.I32);
        }

        return new CoreFunctionSignature(
            direction,
            coreParams.ToEquatableArray(),
            one,
            lowerParamsInMemory,
            result is not null,
            flatParams.ToEquatableArray(),
            flatResults)
        {
            IsAsync = true,
        };
    }

    /// <summary>The signature of a function with these parameter types and result in <paramref name="direction"/>.</summary>
    public static CoreFunctionSignature For(IReadOnlyList<WitType> parameters, WitType? result, AbiDirection direction)
    {
        var flatParams = new List<CoreValueType>();
        foreach (var parameter in parameters)
        {
            flatParams.AddRange(CanonicalLayout.Flatten(parameter));
        }

        var flatResults = result is null ? EquatableArray<CoreValueType>.Empty : CanonicalLayout.Flatten(result);
        var paramsInMemory = flatParams.Count > MaxFlatParams;
        var resultsInMemory = flatResults.Count > MaxFlatResults;

        var coreParams = paramsInMemory ? new List<CoreValueType> { CoreValueType.I32 } : new List<CoreValueType>(flatParams);
        var coreResults = new List<CoreValueType>(flatResults);
        if (resultsInMemory)
        {
            coreResults.Clear();
            if (direction == AbiDirection.Lift)
            {
                coreResults.Add(CoreValueType.I32);
            }
            else
            {
                coreParams.Add(CoreValueType.I32);
            }
        }

        return new CoreFunctionSignature(
            direction,
            coreParams.ToEquatableArray(),
            coreResults.ToEquatableArray(),
            paramsInMemory,
            resultsInMemory,
            flatParams.ToEquatableArray(),
            flatResults);
    }

    /// <summary>The core function type a guest's function with this signature has.</summary>
    public CoreFunctionType Type => new(Params, Results);

    /// <summary>The signature as wasm text, e.g. <c>(param i32 i32) (result i32)</c>.</summary>
    public override string ToString()
        => "(param" + string.Concat(Params.Select(p => " " + p)) + ") (result" + string.Concat(Results.Select(r => " " + r)) + ")";
}
