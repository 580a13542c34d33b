using System.Diagnostics.CodeAnalysis;
using WitHost.Wamr.Binary;

namespace WitHost.Wamr;

/// <summary>A function the guest exports, with its core type. Calls go through its instance.</summary>
public sealed class WamrFunction
{
    internal WamrFunction(WamrInstance instance, string name, nint handle, FunctionType type)
    {
        Instance = instance;
        Name = name;
        Handle = handle;
        Type = type;
        ParameterCells = FunctionType.CellCount(type.Parameters);
        ResultCells = FunctionType.CellCount(type.Results);
        IsAbiHelper = name == WamrInstance.ReallocName || name.StartsWith(WamrInstance.PostReturnPrefix, StringComparison.Ordinal);
    }

    public WamrInstance Instance { get; }

    public string Name { get; }

    public FunctionType Type { get; }

    internal nint Handle { get; }

    /// <summary>
    /// Whether this is <c>cabi_realloc</c> or a <c>cabi_post_</c> function: part of an export's
    /// call under the Canonical ABI, not a call of its own for telemetry.
    /// </summary>
    internal bool IsAbiHelper { get; }

    /// <summary>32-bit cells the parameters take in <see cref="InvokeCells"/> (i64 and f64 take two).</summary>
    public int ParameterCells { get; }

    /// <summary>32-bit cells the results take.</summary>
    public int ResultCells { get; }

    /// <summary>Calls the function with typed core values; returns its results.</summary>
    /// <remarks>
    /// A core call: a guest that exits (WASI's <c>proc_exit</c>, <c>wasi:cli/exit</c>) makes it
    /// return normally, with results that mean nothing and <see cref="WamrInstance.ExitStatus"/>
    /// set. WIT-level calls throw <see cref="WasmExitException"/> instead.
    /// </remarks>
    /// <exception cref="WasmTrapException">The guest trapped.</exception>
    public WasmValue[] Invoke(params ReadOnlySpan<WasmValue> arguments)
    {
        var results = new WasmValue[Type.Results.Length];
        Invoke(arguments, results);
        return results;
    }

    /// <summary>Calls the function, writing its results into <paramref name="results"/>; allocates nothing.</summary>
    public void Invoke(ReadOnlySpan<WasmValue> arguments, Span<WasmValue> results)
    {
        if (arguments.Length != Type.Parameters.Length)
        {
            throw new ArgumentException($"'{Name}' takes {Type.Parameters.Length} arguments, not {arguments.Length}.", nameof(arguments));
        }
        if (results.Length < Type.Results.Length)
        {
            throw new ArgumentException($"'{Name}' returns {Type.Results.Length} values.", nameof(results));
        }

        Span<uint> cells = stackalloc uint[Math.Max(Math.Max(ParameterCells, ResultCells), 1)];
        WriteArguments(arguments, cells);
        InvokeCells(cells);
        ReadResults(cells, results);
    }

    /// <summary>Packs <paramref name="arguments"/> (already counted) into <paramref name="cells"/>, checking each one's kind.</summary>
    internal void WriteArguments(ReadOnlySpan<WasmValue> arguments, Span<uint> cells)
    {
        int cell = 0;
        for (int i = 0; i < arguments.Length; i++)
        {
            WasmValue argument = arguments[i];
            if (argument.Kind != Type.Parameters[i])
            {
                throw new ArgumentException($"Argument {i} of '{Name}' must be {Type.Parameters[i]}, not {argument.Kind}.", nameof(arguments));
            }
            cell = WriteCells(cells, cell, argument.Kind, argument.Bits);
        }
    }

    /// <summary>Reads the results a call left in <paramref name="cells"/> as typed core values.</summary>
    internal void ReadResults(ReadOnlySpan<uint> cells, Span<WasmValue> results)
    {
        int cell = 0;
        for (int i = 0; i < Type.Results.Length; i++)
        {
            WasmValueKind kind = Type.Results[i];
            bool wide = kind.IsWide();
            ulong bits = wide ? cells[cell] | ((ulong)cells[cell + 1] << 32) : cells[cell];
            results[i] = WasmValue.FromBits(kind, bits);
            cell += wide ? 2 : 1;
        }
    }

    /// <summary>
    /// Calls the function with arguments already packed as WAMR cells (i32/f32 one cell, i64/f64
    /// two, low half first); the results replace them from cell 0. This is the allocation-free
    /// path generated bindings use. <paramref name="cells"/> must hold
    /// max(<see cref="ParameterCells"/>, <see cref="ResultCells"/>) cells.
    /// </summary>
    public void InvokeCells(Span<uint> cells)
    {
        CheckCells(cells);
        Instance.Call(this, cells);
    }

    internal void CheckCells(Span<uint> cells)
    {
        if (cells.Length < ParameterCells || cells.Length < ResultCells)
        {
            ThrowTooFewCells();
        }
    }

    // Out of line, so that the check itself inlines into every call.
    [DoesNotReturn]
    private void ThrowTooFewCells() =>
        throw new ArgumentException($"'{Name}' needs {Math.Max(ParameterCells, ResultCells)} cells.", "cells");

    internal static int WriteCells(Span<uint> cells, int cell, WasmValueKind kind, ulong bits)
    {
        cells[cell++] = (uint)bits;
        if (kind.IsWide())
        {
            cells[cell++] = (uint)(bits >> 32);
        }
        return cell;
    }

    public override string ToString() => $"{Name} {Type}";
}
