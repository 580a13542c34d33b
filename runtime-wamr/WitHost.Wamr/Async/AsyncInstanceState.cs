using System.Collections.Concurrent;
using System.Diagnostics;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.Execution;

namespace WitHost.Wamr.Async;

/// <summary>
/// The async state of one instance: its table of async handles, the task whose code runs now, and
/// backpressure. Guest code changes it from inside calls (the instance's owner thread); host threads
/// (host tasks finishing, host stream readers and writers) change it too, so all of it is guarded
/// by <see cref="Gate"/>. Lock order: the instance first, then the gate; the gate is never held
/// while waiting for the instance.
/// </summary>
internal sealed class AsyncInstanceState : IDisposable
{
    private readonly WamrInstance _instance;
    private int _backpressure;
    private TaskCompletionSource? _backpressureReleased;
    private uint _syncContext0;
    private bool _disposed;

    public AsyncInstanceState(WamrInstance instance, int maxHandles)
    {
        _instance = instance;
        Table = new AsyncTable(maxHandles);
    }

    /// <summary>Guards everything here.</summary>
    public object Gate { get; } = new();

    public AsyncTable Table { get; }

    /// <summary>The async task whose code runs now, or null inside a synchronous export.</summary>
    public GuestTask? Current { get; set; }

    /// <summary>Whether the instance was disposed: waits end and new tasks fail.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The tasks started and not yet resolved (to fail them if the instance goes).</summary>
    public HashSet<GuestTask> Running { get; } = [];

    /// <summary>The async exports called in this instance so far, by name (<see cref="AsyncExportCall"/>).</summary>
    public ConcurrentDictionary<string, AsyncExportBinding> ExportBindings { get; } = new(StringComparer.Ordinal);

    /// <summary>Context slot 0 of the running task (a synchronous export's calls share one).</summary>
    public uint Context0
    {
        get => Current?.Context0 ?? _syncContext0;
        set
        {
            if (Current is { } task)
            {
                task.Context0 = value;
            }
            else
            {
                _syncContext0 = value;
            }
        }
    }

    /// <summary><c>backpressure.set</c> (or inc/dec): while on, new async calls wait to start.</summary>
    public void AdjustBackpressure(int delta, bool absolute, string builtin)
    {
        lock (Gate)
        {
            var value = absolute ? delta : _backpressure + delta;
            if (value < 0 || value > ushort.MaxValue)
            {
                throw AsyncTrap.In(builtin, $"backpressure would become {value}");
            }

            _backpressure = value;
            if (value == 0)
            {
                var released = _backpressureReleased;
                _backpressureReleased = null;
                released?.TrySetResult();
            }
        }
    }

    /// <summary>Completes when no backpressure holds new calls back.</summary>
    public Task WhenAccepting()
    {
        lock (Gate)
        {
            if (_backpressure == 0 || _disposed)
            {
                return Task.CompletedTask;
            }

            _backpressureReleased ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _backpressureReleased.Task;
        }
    }

    /// <summary>
    /// <c>waitable-set.wait</c> from guest code: blocks this thread (which owns the instance) until
    /// a member of <paramref name="set"/> has an event, and takes it. Only a task that may block may
    /// wait (an async export's); the call's deadline and token bound the wait.
    /// </summary>
    public AsyncEvent WaitBlocking(WaitableSet set, string builtin)
    {
        if (Current is not { } task)
        {
            throw AsyncTrap.In(builtin, "a synchronous export may not block: waitable-set.wait needs an async task");
        }

        CallLimit limit = _instance.RunningCallLimit;
        while (true)
        {
            Task signal;
            lock (Gate)
            {
                if (task.CancelRequested && !task.CancelDelivered)
                {
                    task.CancelDelivered = true;
                    return new AsyncEvent(EventCode.TaskCancelled, 0, 0);
                }

                if (set.Ready() is { } ready)
                {
                    return ready.TakeEvent(_instance);
                }

                if (set.Members.Count == 0)
                {
                    throw AsyncTrap.In(builtin, $"waitable set {set.Handle} is empty: the wait would never end");
                }

                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(WamrInstance), "The instance was disposed while its guest waited.");
                }

                signal = set.WhenSignalled();
                set.Waiters++;
                task.WaitingOn = set;
            }

            try
            {
                Block(signal, limit);
            }
            finally
            {
                lock (Gate)
                {
                    set.Waiters--;
                    task.WaitingOn = null;
                }
            }
        }
    }

    /// <summary>
    /// Blocks the thread that owns the instance, inside a built-in, until <paramref name="signal"/>
    /// completes (however it ends), no longer than the running call may run: when its deadline
    /// passes or its token is cancelled, the call ends as when they stop guest code
    /// (<see cref="CallLimitReachedException"/>), and the instance is faulted.
    /// </summary>
    public void Block(Task signal) => Block(signal, _instance.RunningCallLimit);

    private static void Block(Task signal, CallLimit limit)
    {
        var remaining = limit.Deadline == CallLimit.NoDeadline
            ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromSeconds(Math.Max(0, limit.Deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
        try
        {
            if (!signal.Wait(remaining, limit.Token))
            {
                throw new CallLimitReachedException(InterruptReason.Deadline);
            }
        }
        catch (OperationCanceledException) when (limit.Token.IsCancellationRequested)
        {
            throw new CallLimitReachedException(InterruptReason.Cancelled);
        }
        catch (AggregateException) when (signal.IsCompleted)
        {
            // The signal ended faulted or cancelled: it ended, which is all the wait is for.
        }
    }

    /// <summary><c>waitable-set.poll</c>: the next event of <paramref name="set"/>, or none.</summary>
    public AsyncEvent Poll(WaitableSet set)
    {
        lock (Gate)
        {
            if (Current is { CancelRequested: true, CancelDelivered: false } task)
            {
                task.CancelDelivered = true;
                return new AsyncEvent(EventCode.TaskCancelled, 0, 0);
            }

            return set.Ready()?.TakeEvent(_instance) ?? AsyncEvent.None;
        }
    }

    /// <summary>
    /// The guest trapped, which faults its instance: it will never read or write its stream and
    /// future ends again, so the host's copies on their other ends fail with the trap, now and
    /// later; its tasks waiting for an event are woken, to fail as the instance is faulted; and the
    /// host tasks behind its subtasks are asked to stop, as no guest code can take their results.
    /// Called by the instance as it records its first trap.
    /// </summary>
    public void Fault(WasmTrapException trap)
    {
        List<Subtask> subtasks;
        lock (Gate)
        {
            // A guest stopped because its instance is being disposed: the host's copies fail as
            // they do once it is, whichever thread frees it and when.
            subtasks = LeaveLiveHandles(_instance.IsDisposeRequested ? Disposed : _ => trap);
        }

        // Outside the gate: the host's callbacks on the tokens run now, and may reach the gate from other threads.
        Exception reason = _instance.IsDisposeRequested ? DisposedBeforeResult() : trap;
        foreach (var subtask in subtasks)
        {
            subtask.Abandon(reason);
        }
    }

    /// <summary>
    /// What the guest leaving (a trap, or disposal) does to its live handles, under the gate: its
    /// waitable sets are signalled, so the tasks waiting on them wake to fail; the host's copies on
    /// the other ends of its streams and futures fail with <paramref name="reason"/>, as they would
    /// otherwise wait for ever; and its subtasks are returned, for the caller to abandon outside the
    /// gate.
    /// </summary>
    private List<Subtask> LeaveLiveHandles(Func<AsyncChannel, Exception> reason)
    {
        List<Subtask> subtasks = [];
        foreach (var entry in Table.Live())
        {
            switch (entry)
            {
                case Subtask subtask:
                    subtasks.Add(subtask);
                    break;
                case WaitableSet set:
                    set.Signal();
                    break;
                case ChannelEnd end:
                    end.Channel.Abandon(reason(end.Channel));
                    break;
            }
        }

        return subtasks;
    }

    /// <summary>
    /// Why the guest will never take part again, or null while it may: its disposal (requested,
    /// though the thread in a call may not have freed it yet), or the trap that faulted the
    /// instance. A stream or future made now fails its host copies with it at once. Called under
    /// the gate.
    /// </summary>
    public Exception? GuestGone(AsyncChannel channel) =>
        _disposed || _instance.IsDisposeRequested ? Disposed(channel) : _instance.CurrentFault;

    private static ObjectDisposedException Disposed(AsyncChannel channel) =>
        new(nameof(WamrInstance), $"The instance holding the other end of the {channel.TypeName} was disposed.");

    private static ObjectDisposedException DisposedBeforeResult() =>
        new(nameof(WamrInstance), "The instance an async import's result was for was disposed before its guest took it.");

    /// <summary>The instance is gone: host tasks are asked to stop, waiting tasks fail.</summary>
    public void Dispose()
    {
        List<GuestTask> running;
        List<Subtask> subtasks;
        lock (Gate)
        {
            _disposed = true;
            running = [.. Running];
            Running.Clear();
            subtasks = LeaveLiveHandles(Disposed);

            _backpressureReleased?.TrySetResult();
        }

        var reason = DisposedBeforeResult();
        foreach (var subtask in subtasks)
        {
            subtask.Abandon(reason);
        }

        foreach (var task in running)
        {
            task.Fail(new ObjectDisposedException(nameof(WamrInstance), $"The instance was disposed before its task for '{task.ExportName}' finished."));
        }
    }

    /// <summary>The most async handles one instance holds (as for resource handles).</summary>
    public static int DefaultMaxHandles => HandleLimits.DefaultMaxHandles;
}
