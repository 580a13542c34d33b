using System.Collections.Immutable;

namespace WitHost.Wamr.Binary;

/// <summary>
/// What <see cref="BoundedFunctionAnalysis"/> needs to know of one function body, gathered by
/// <see cref="WasmModuleReader"/> as it walks the body's instructions.
/// </summary>
/// <param name="Cost">The body's instructions plus its declared locals (which the interpreter
/// zeroes on every call): without a loop, an upper bound of the work one call of the body does
/// itself, each instruction running at most once.</param>
/// <param name="Callees">The function index of every direct <c>call</c> in the body, once per
/// call instruction.</param>
/// <param name="RunsUnbounded">Whether the body has an instruction whose time has no bound the
/// body itself sets: <c>loop</c>, <c>call_indirect</c>, <c>memory.grow</c> (which may copy the
/// whole memory), or a bulk memory or table instruction (time proportional to an operand).</param>
internal sealed record FunctionBodySummary(uint Cost, ImmutableArray<uint> Callees, bool RunsUnbounded);
