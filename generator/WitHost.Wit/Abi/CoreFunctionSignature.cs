using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// The core wasm signature of a WIT function as the Canonical ABI lifts or lowers it (synchronous).
/// </summary>
/// <param name="Direction">Guest export (lift) or guest import (lower).</param>
/// <param name="Params">The core parameter types, including a trailing out-pointer when
/// <see cref="ResultsInMemory"/> applies to a lowered function.</param>
/// <param name="Results">The core result types (none or one).</param>
/// <param name="ParamsInMemory">True when the parameters flatten to more than
/// <see cref="MaxFlatParams"/> values and travel as one pointer to a tuple in memory.</param>
/// <param name="ResultsInMemory">True when the result flattens to more than
/// <see cref="MaxFlatResults"/> value: a lifted function returns a pointer to its return area; a
/// lowered function receives an out-pointer as its last parameter.</param>
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

    /// <summary>The signature of <paramref name="function"/> in <paramref name="direction"/>.</summary>
    public static CoreFunctionSignature For(WitFunction function, AbiDirection direction)
    {
        var parameters = new WitType[function.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = function.Parameters[i].Type;
        }

        return For(parameters, function.Result, direction);
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
