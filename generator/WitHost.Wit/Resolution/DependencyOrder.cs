namespace WitHost.Wit.Resolution;

/// <summary>
/// Depth-first, dependencies-first order of a graph, with an explicit stack: packages, interfaces
/// and worlds can depend on each other in chains as long as the input is, and a recursive walk
/// would overflow the stack on a long one.
/// </summary>
internal static class DependencyOrder
{
    /// <summary>
    /// Every node reachable from <paramref name="roots"/>, each after the nodes it depends on (the
    /// order a recursive post-order walk gives). <paramref name="onCycle"/> is called for each edge
    /// that leads back to a node still on the current path; that edge is not followed.
    /// </summary>
    public static List<TNode> Of<TNode, TEdge>(
        IEnumerable<TNode> roots,
        Func<TNode, IEnumerable<(TNode Target, TEdge Edge)>> edges,
        Action<TNode, TEdge> onCycle)
        where TNode : class
    {
        var order = new List<TNode>();
        var state = new Dictionary<TNode, ResolutionState>();
        var path = new Stack<(TNode Node, IEnumerator<(TNode Target, TEdge Edge)> Edges)>();
        foreach (var root in roots)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            state[root] = ResolutionState.InProgress;
            path.Push((root, edges(root).GetEnumerator()));
            while (path.Count > 0)
            {
                var (node, pending) = path.Peek();
                if (pending.MoveNext())
                {
                    var (target, edge) = pending.Current;
                    state.TryGetValue(target, out var targetState);
                    if (targetState == ResolutionState.InProgress)
                    {
                        onCycle(target, edge);
                    }
                    else if (targetState == ResolutionState.NotStarted)
                    {
                        state[target] = ResolutionState.InProgress;
                        path.Push((target, edges(target).GetEnumerator()));
                    }

                    continue;
                }

                pending.Dispose();
                path.Pop();
                state[node] = ResolutionState.Done;
                order.Add(node);
            }
        }

        return order;
    }
}
