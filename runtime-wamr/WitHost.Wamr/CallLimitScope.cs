using WitHost.Wamr.Execution;

namespace WitHost.Wamr;

/// <summary>
/// A deadline and/or cancellation token for the calls the current thread makes into one
/// instance until the scope is disposed; made by <see cref="WamrInstance.Deadline(TimeSpan, CancellationToken)"/>
/// and <see cref="WamrInstance.Cancellation(CancellationToken)"/>.
/// </summary>
/// <remarks>
/// <para>The deadline is absolute: it is fixed when the scope opens and bounds everything inside
/// it together, so a generated call that lowers strings (<c>cabi_realloc</c>), calls the export
/// and then <c>cabi_post_…</c> is bounded as a whole. Scopes nest: an inner scope can shorten
/// the deadline, never extend it, and either scope's token stops the call.</para>
/// <para>A scope belongs to the thread that opened it and must be disposed there; calls other
/// threads make into the same instance are not limited by it.</para>
/// </remarks>
public sealed class CallLimitScope : IDisposable
{
    [ThreadStatic]
    private static CallLimitScope? t_innermost;

    private readonly WamrInstance _instance;
    private CallLimitScope? _outer;
    private readonly CancellationTokenSource? _linked;
    private readonly int _threadId;
    private bool _disposed;

    private CallLimitScope(WamrInstance instance, CallLimit limit, CallLimitScope? outer, CancellationTokenSource? linked)
    {
        _instance = instance;
        Limit = limit;
        _outer = outer;
        _linked = linked;
        _threadId = Environment.CurrentManagedThreadId;
    }

    internal CallLimit Limit { get; }

    /// <summary>The limit of the innermost open scope for <paramref name="instance"/> on this thread.</summary>
    internal static CallLimit? Innermost(WamrInstance instance)
    {
        for (CallLimitScope? scope = t_innermost; scope is not null; scope = scope._outer)
        {
            if (ReferenceEquals(scope._instance, instance))
            {
                return scope.Limit;
            }
        }
        return null;
    }

    internal static CallLimitScope Open(WamrInstance instance, TimeSpan? timeout, CancellationToken token)
    {
        long deadline = timeout is { } t ? CallLimit.DeadlineAfter(t) : CallLimit.NoDeadline;
        TimeSpan limitTimeout = timeout ?? Timeout.InfiniteTimeSpan;
        CancellationTokenSource? linked = null;
        if (Innermost(instance) is { } outer)
        {
            if (outer.Deadline < deadline)
            {
                deadline = outer.Deadline;
                limitTimeout = outer.Timeout;
            }
            if (outer.Token.CanBeCanceled && token.CanBeCanceled && outer.Token != token)
            {
                linked = CancellationTokenSource.CreateLinkedTokenSource(outer.Token, token);
                token = linked.Token;
            }
            else if (!token.CanBeCanceled)
            {
                token = outer.Token;
            }
        }
        var scope = new CallLimitScope(instance, new CallLimit(deadline, limitTimeout, token), t_innermost, linked);
        t_innermost = scope;
        instance.CountLimitScope(1);
        return scope;
    }

    /// <summary>Ends the scope: later calls from this thread are no longer limited by it.</summary>
    /// <exception cref="InvalidOperationException">Disposed on another thread than the one that opened it.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            throw new InvalidOperationException("A call limit scope must be disposed on the thread that opened it.");
        }
        _disposed = true;
        _instance.CountLimitScope(-1);
        // Normally the innermost scope; unlink it wherever it is so a misordered dispose cannot
        // leave a dead scope limiting later calls.
        if (ReferenceEquals(t_innermost, this))
        {
            t_innermost = _outer;
        }
        else
        {
            for (CallLimitScope? scope = t_innermost; scope is not null; scope = scope._outer)
            {
                if (ReferenceEquals(scope._outer, this))
                {
                    scope._outer = _outer;
                    break;
                }
            }
        }
        _linked?.Dispose();
    }
}
