using WitHost.Wamr.Binary;
using WitHost.Wit.Abi;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>Converts the ABI model's core signatures to the runtime's core function types.</summary>
public static class CoreFunctionTypes
{
    /// <summary>The core function type a guest function with <paramref name="signature"/> has.</summary>
    public static FunctionType From(CoreFunctionSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return From(signature.Type);
    }

    /// <summary>The runtime's form of the core function type <paramref name="type"/>.</summary>
    public static FunctionType From(CoreFunctionType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new FunctionType(
            [.. type.Params.Select(p => ToKind(p.Kind))],
            [.. type.Results.Select(r => ToKind(r.Kind))]);
    }

    /// <summary>The runtime's value kind for a core value kind.</summary>
    public static WasmValueKind ToKind(CoreValueKind kind) => kind switch
    {
        CoreValueKind.I32 => WasmValueKind.I32,
        CoreValueKind.I64 => WasmValueKind.I64,
        CoreValueKind.F32 => WasmValueKind.F32,
        _ => WasmValueKind.F64,
    };
}
