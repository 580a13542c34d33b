using System.Collections.Immutable;

namespace WitHost.Wamr.Binary;

/// <summary>
/// Finds the exported functions whose every run is short by construction: no loop, no indirect
/// call, no host function (import) and no bulk memory or table instruction anywhere in what they
/// can reach, and at most <see cref="MaxInstructions"/> instructions executed along any path.
/// </summary>
/// <remarks>
/// Such a function can neither call back into .NET nor run for long, so a core call of it may
/// skip the P/Invoke's GC transition (<c>SuppressGCTransition</c>): the thread stays in
/// cooperative mode for the few microseconds at most the guest runs, which is what the attribute
/// asks of a native function, and a garbage collection waits no longer than that for it. What
/// bounds the time is counted, not assumed: a body of n bytes runs at most n instructions
/// (every instruction takes a byte at least, and nothing jumps backwards without a loop), and a
/// function's worst case is its body plus the worst case of every function it calls, once per
/// call instruction. A call graph with a cycle (recursion) has no bound.
/// </remarks>
internal static class BoundedExports
{
    /// <summary>
    /// The most instructions a bounded export may run, its callees' included: about 1,024 wasm
    /// instructions, a few microseconds on WAMR's interpreter.
    /// </summary>
    public const int MaxInstructions = 1024;

    /// <summary>
    /// The names of the function exports that are bounded. <paramref name="functionExports"/>
    /// holds each function export's name and index; indexes below <paramref name="importCount"/>
    /// are host functions.
    /// </summary>
    public static ImmutableHashSet<string> Find(int importCount, IReadOnlyList<FunctionBodyShape> bodies, IEnumerable<(string Name, uint Index)> functionExports)
    {
        // The worst case of each function, once known; Unknown until then, Unbounded when none.
        var cost = new int[bodies.Count];
        Array.Fill(cost, Unknown);
        ImmutableHashSet<string>.Builder bounded = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach ((string name, uint index) in functionExports)
        {
            if (index >= (uint)importCount && index - (uint)importCount < (uint)bodies.Count
                && WorstCase((int)(index - (uint)importCount), importCount, bodies, cost) <= MaxInstructions)
            {
                bounded.Add(name);
            }
        }
        return bounded.ToImmutable();
    }

    private const int Unknown = -1;
    private const int Visiting = -2;
    private const int Unbounded = int.MaxValue;

    /// <summary>
    /// The worst case of defined function <paramref name="root"/>, worked out depth first with a
    /// stack of its own (a hostile module's call chain may be as deep as it has functions, too deep
    /// for the thread's stack), every function at most once.
    /// </summary>
    private static int WorstCase(int root, int importCount, IReadOnlyList<FunctionBodyShape> bodies, int[] cost)
    {
        var pending = new Stack<int>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            int function = pending.Peek();
            if (cost[function] >= 0)
            {
                pending.Pop();
                continue;
            }
            FunctionBodyShape body = bodies[function];
            if (body.Unbounded)
            {
                cost[function] = Unbounded;
                pending.Pop();
                continue;
            }
            if (cost[function] == Unknown)
            {
                // First visit: the callees first, then this function again.
                cost[function] = Visiting;
                foreach (uint callee in body.Calls)
                {
                    int defined = (int)(callee - (uint)importCount);
                    if (callee >= (uint)importCount && (uint)defined < (uint)bodies.Count && cost[defined] == Unknown)
                    {
                        pending.Push(defined);
                    }
                }
                continue;
            }
            // Second visit: every callee is known, or on the path to this one (a cycle).
            long total = body.Size;
            foreach (uint callee in body.Calls)
            {
                int defined = (int)(callee - (uint)importCount);
                if (callee < (uint)importCount || (uint)defined >= (uint)bodies.Count || cost[defined] < 0)
                {
                    total = Unbounded;
                    break;
                }
                total += cost[defined];
                if (total > MaxInstructions)
                {
                    break;
                }
            }
            cost[function] = (int)Math.Min(total, Unbounded);
            pending.Pop();
        }
        return cost[root];
    }
}
