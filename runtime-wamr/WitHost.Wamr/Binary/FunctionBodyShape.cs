namespace WitHost.Wamr.Binary;

/// <summary>
/// What <see cref="BoundedExports"/> needs of one function body the module defines: its size in
/// bytes (at least its instruction count), whether it holds an instruction whose running time
/// has no bound in the body (a loop, an indirect call, growing or filling memory or a table,
/// copying or initialising a range of them), and the functions it calls directly.
/// </summary>
internal sealed class FunctionBodyShape(int size, bool unbounded, uint[] calls)
{
    public int Size { get; } = size;

    public bool Unbounded { get; } = unbounded;

    /// <summary>The function index of each direct call, once per call instruction.</summary>
    public uint[] Calls { get; } = calls;
}
