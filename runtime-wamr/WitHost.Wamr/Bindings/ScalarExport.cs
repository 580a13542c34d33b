using System.Diagnostics.CodeAnalysis;

namespace WitHost.Wamr.Bindings;

/// <summary>
/// An export of a WIT function whose arguments and result are core values only (numbers,
/// <c>bool</c>, <c>char</c> arguments, enums and flags: nothing in memory, no handle) and whose
/// result cannot fail to lift, bound once when generated bindings are made. A call of it is one
/// entry into the instance (<see cref="Invoke"/>): it owns the instance for its core call (and the
/// guest's <c>cabi_post_</c> function, if it has one), with the checks of any export call, but
/// without the whole-call scope, the Canonical ABI context and the per-call re-checks of a function
/// that was checked here, once.
/// </summary>
/// <remarks>
/// The Canonical ABI runs post-return after the result is lifted. Here it runs before the
/// generated code lifts the result from the cells, which is the same call to anyone watching: the
/// cells keep the results, and a lift that cannot trap has nothing to do between the two that the
/// guest or the host could see. A function whose result's lift can trap (a <c>char</c>, an enum, a
/// variant's case) is not bound here: its generated call keeps the whole-call scope
/// (<see cref="WamrInstance.EnterExportCall"/>), which lifts first.
/// </remarks>
public sealed class ScalarExport
{
    // The instance and the cell count are read on every call: fields, not the function's properties.
    private readonly WamrInstance _instance;
    private readonly int _cellCount;

    // Whether the call may skip the GC transition (WamrInstance.CallBoundedScalarExport).
    private readonly bool _bounded;

    private ScalarExport(WamrFunction function, WamrFunction? postReturn, string? worldName, int cellCount, bool bounded)
    {
        _bounded = bounded;
        _instance = function.Instance;
        Function = function;
        PostReturn = postReturn;
        WorldName = worldName;
        _cellCount = cellCount;
    }

    /// <summary>Whether a call skips the GC transition: the export is bounded and has no post-return.</summary>
    internal bool IsBounded => _bounded;

    /// <summary>The guest's core export.</summary>
    public WamrFunction Function { get; }

    /// <summary>The guest's <c>cabi_post_</c> function for it, or null.</summary>
    public WamrFunction? PostReturn { get; }

    /// <summary>The WIT world the instance was made for, named in a re-entrance trap; null when unknown.</summary>
    internal string? WorldName { get; }

    /// <summary>
    /// Binds the core export <paramref name="name"/> of <paramref name="instance"/> and its
    /// post-return function, for calls whose cells are <paramref name="cellCount"/> long.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The guest exports no function of that name.</exception>
    /// <exception cref="ArgumentException">The export's core values take more than <paramref name="cellCount"/> cells.</exception>
    public static ScalarExport Bind(WamrInstance instance, string name, string? worldName, int cellCount)
    {
        ArgumentNullException.ThrowIfNull(instance);
        WamrFunction function = instance.GetFunction(name);
        // The cell count is checked here, once: a call then needs only the span's length.
        if (cellCount < function.ParameterCells || cellCount < function.ResultCells)
        {
            throw new ArgumentException($"'{name}' needs {Math.Max(function.ParameterCells, function.ResultCells)} cells, not {cellCount}.", nameof(cellCount));
        }
        WamrFunction? postReturn = instance.TryGetFunction(WamrInstance.PostReturnPrefix + name);
        // A call timeout watches every call, which a bounded call does not do: decided here, once.
        bool bounded = postReturn is null && !instance.HasCallTimeout && instance.Module.Info.BoundedExports.Contains(name);
        return new ScalarExport(function, postReturn, worldName, cellCount, bounded);
    }

    /// <summary>
    /// Calls the export with its core arguments in <paramref name="cells"/> (i32/f32 one cell,
    /// i64/f64 two, low half first); its core results replace them from cell 0. Allocates nothing.
    /// </summary>
    /// <exception cref="WasmTrapException">The guest trapped, or the instance is on this thread's
    /// stack already (a host function it called calls it again); the instance is faulted.</exception>
    /// <exception cref="WasmInstanceFaultedException">An earlier trap faulted the instance.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void Invoke(Span<uint> cells)
    {
        if (cells.Length < _cellCount)
        {
            ThrowTooFewCells();
        }
        if (_bounded)
        {
            _instance.CallBoundedScalarExport(this, cells);
        }
        else
        {
            _instance.CallScalarExport(this, cells);
        }
    }

    // Out of line, so that the check itself inlines into every call.
    [DoesNotReturn]
    private void ThrowTooFewCells() =>
        throw new ArgumentException($"'{Function.Name}' needs {_cellCount} cells.", "cells");
}
