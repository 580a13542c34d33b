namespace WitHost.Wamr.Binary;

/// <summary>
/// Decides, per function a module defines, whether every call of it finishes in a short,
/// bounded time without calling the host: the runtime calls such a function without the
/// P/Invoke's GC transition (docs/reliability.md, "Calls without the GC transition").
/// </summary>
/// <remarks>
/// <para>A function is bounded when its body and the body of every function it reaches through
/// direct <c>call</c>s has none of what <see cref="FunctionBodySummary.RunsUnbounded"/> names
/// (no <c>loop</c>, so a branch only goes forward and each instruction runs at most once per
/// call), calls no imported function (the host, which is .NET code), the calls form no cycle,
/// and the worst case of the work done, summed over the call graph with each call counted as
/// often as it appears, is at most <see cref="MaxCost"/>.</para>
/// <para>Linear in the number of functions and calls: each function's worst case is worked out
/// once and kept, and the walk keeps its own stack rather than the thread's, so a long chain of
/// calls in a hostile module cannot exhaust it.</para>
/// </remarks>
internal static class BoundedFunctionAnalysis
{
    /// <summary>
    /// The most work (instructions executed plus locals zeroed, over the whole call) a bounded
    /// function may do: a few microseconds in WAMR's interpreter, the longest another thread's
    /// garbage collection may then wait for this one.
    /// </summary>
    public const uint MaxCost = 1_000;

    // Above MaxCost: unbounded, or too much. Sums stop here, so they never overflow.
    private const uint Unbounded = MaxCost + 1;

    private enum State : byte
    {
        NotVisited,
        OnPath,
        Done,
    }

    /// <summary>For each body in <paramref name="bodies"/> (function <paramref name="importCount"/> + i), whether it is bounded.</summary>
    public static bool[] BoundedFunctions(uint importCount, IReadOnlyList<FunctionBodySummary> bodies)
    {
        var states = new State[bodies.Count];
        var costs = new uint[bodies.Count];
        // The path being walked: a function, and how many of its callees have been taken.
        var path = new Stack<(int Function, int NextCallee)>();
        for (int root = 0; root < bodies.Count; root++)
        {
            if (states[root] != State.NotVisited)
            {
                continue;
            }
            Enter(root, bodies, states, costs, path);
            while (path.TryPop(out (int Function, int NextCallee) top))
            {
                (int function, int next) = top;
                FunctionBodySummary body = bodies[function];
                if (costs[function] >= Unbounded || next == body.Callees.Length)
                {
                    states[function] = State.Done;
                    if (path.TryPeek(out (int Function, int NextCallee) caller))
                    {
                        costs[caller.Function] = Add(costs[caller.Function], costs[function]);
                    }
                    continue;
                }
                path.Push((function, next + 1));
                uint callee = body.Callees[next];
                if (callee < importCount || callee - importCount >= (uint)bodies.Count)
                {
                    // The host, or an index WAMR's loader refuses anyway.
                    costs[function] = Unbounded;
                    continue;
                }
                int defined = (int)(callee - importCount);
                switch (states[defined])
                {
                    case State.NotVisited:
                        Enter(defined, bodies, states, costs, path);
                        break;
                    case State.OnPath:
                        // Recursion. Every function on the path from the callee down to here
                        // adds this one's cost, so each of them ends unbounded too.
                        costs[function] = Unbounded;
                        break;
                    default:
                        costs[function] = Add(costs[function], costs[defined]);
                        break;
                }
            }
        }

        var bounded = new bool[bodies.Count];
        for (int i = 0; i < bounded.Length; i++)
        {
            bounded[i] = costs[i] <= MaxCost;
        }
        return bounded;
    }

    private static void Enter(int function, IReadOnlyList<FunctionBodySummary> bodies, State[] states, uint[] costs, Stack<(int, int)> path)
    {
        states[function] = State.OnPath;
        FunctionBodySummary body = bodies[function];
        costs[function] = body.RunsUnbounded ? Unbounded : Math.Min(body.Cost, Unbounded);
        path.Push((function, 0));
    }

    private static uint Add(uint cost, uint more) => Math.Min(cost + more, Unbounded);
}
