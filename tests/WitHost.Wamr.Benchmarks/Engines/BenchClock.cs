using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;
using Example.AsyncBench;

namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// The host's <c>clock.tick</c> for the async benchmarks: it answers at once (a done
/// <see cref="ValueTask{T}"/>: the guest gets RETURNED, no subtask), or later, from a thread-pool
/// work item (the guest gets a subtask, STARTED, then an event). A later answer comes from a pooled
/// <see cref="IValueTaskSource{T}"/>, so the host's side allocates nothing and what the benchmarks
/// count is WitHost's.
/// </summary>
internal sealed class BenchClock(bool answersAtOnce) : IClock
{
    private readonly ConcurrentBag<Later> _pool = [];

    public ValueTask<uint> TickAsync(uint value, CancellationToken cancellationToken)
    {
        if (answersAtOnce)
        {
            return ValueTask.FromResult(value);
        }

        if (!_pool.TryTake(out var later))
        {
            later = new Later(_pool);
        }

        return later.Start(value);
    }

    private sealed class Later(ConcurrentBag<Later> pool) : IValueTaskSource<uint>, IThreadPoolWorkItem
    {
        private ManualResetValueTaskSourceCore<uint> _core = new() { RunContinuationsAsynchronously = false };
        private uint _value;

        public ValueTask<uint> Start(uint value)
        {
            _value = value;
            var pending = new ValueTask<uint>(this, _core.Version);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            return pending;
        }

        public void Execute() => _core.SetResult(_value);

        public uint GetResult(short token)
        {
            try
            {
                return _core.GetResult(token);
            }
            finally
            {
                _core.Reset();
                pool.Add(this);
            }
        }

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => _core.OnCompleted(continuation, state, token, flags);
    }
}
