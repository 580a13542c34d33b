using WitHost.Wamr.Hosting;
using WitHost.Wit.Abi;

namespace WitHost.Wamr.Async;

/// <summary>
/// Serves imports the guest lowers asynchronously (<c>[async-lower]f</c>): the host's
/// implementation runs as a .NET task and the guest gets a subtask, which it waits for on a
/// waitable set. A task already finished when the implementation returns is answered at once
/// (the guest sees RETURNED and no subtask).
/// </summary>
public static class AsyncHostImports
{
    /// <summary>The core name prefix of an import lowered asynchronously.</summary>
    public const string LowerPrefix = CoreNames.AsyncLowerPrefix;

    /// <summary>
    /// Defines the async import <paramref name="functionName"/> of <paramref name="module"/>
    /// (core name <c>[async-lower]functionName</c>), implemented by <paramref name="implementation"/>.
    /// Also makes <paramref name="imports"/> serve the async built-ins.
    /// </summary>
    public static HostImports DefineAsync(this HostImports imports, string module, string functionName, AsyncHostFunction implementation)
    {
        ArgumentNullException.ThrowIfNull(imports);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(functionName);
        ArgumentNullException.ThrowIfNull(implementation);
        var name = module + "::" + functionName;
        AsyncBuiltins.AddTo(imports);
        return imports.Define(module, LowerPrefix + functionName, call => Start(call, name, implementation));
    }

    /// <summary>
    /// The task an <see cref="AsyncHostFunction"/> returns for a host implementation's
    /// <paramref name="work"/> whose result <paramref name="lowerResult"/> writes into the guest
    /// (through the import's out-pointer). Work already done is answered at once, without a subtask.
    /// A result the guest never takes (its instance trapped or was disposed before it learned the
    /// subtask returned) goes to <paramref name="discardResult"/> with the trap or the disposal, to
    /// end what it holds for the guest (generated hosts dispose its streams).
    /// </summary>
    public static Task<AsyncResultWriter?> WhenDone<T>(ValueTask<T> work, Action<WamrInstance, T> lowerResult, Action<T, Exception>? discardResult = null)
    {
        ArgumentNullException.ThrowIfNull(lowerResult);
        if (work.IsCompletedSuccessfully)
        {
            return Task.FromResult<AsyncResultWriter?>(new HostResult<T>(work.Result, lowerResult, discardResult).Write);
        }

        return AwaitAsync(work, lowerResult, discardResult);

        static async Task<AsyncResultWriter?> AwaitAsync(ValueTask<T> work, Action<WamrInstance, T> lowerResult, Action<T, Exception>? discardResult)
        {
            var result = await work.ConfigureAwait(false);
            return new HostResult<T>(result, lowerResult, discardResult).Write;
        }
    }

    /// <summary>
    /// <see cref="WhenDone{T}(ValueTask{T}, Action{WamrInstance, T}, Action{T, Exception})"/> for an
    /// implementation returning a <see cref="Task{TResult}"/> (a C#-first interface's async method may return either).
    /// </summary>
    public static Task<AsyncResultWriter?> WhenDone<T>(Task<T> work, Action<WamrInstance, T> lowerResult, Action<T, Exception>? discardResult = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WhenDone(new ValueTask<T>(work), lowerResult, discardResult);
    }

    /// <summary><see cref="WhenDone(ValueTask)"/> for an implementation returning a <see cref="Task"/>.</summary>
    public static Task<AsyncResultWriter?> WhenDone(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WhenDone(new ValueTask(work));
    }

    /// <summary>The task an <see cref="AsyncHostFunction"/> returns for a host implementation's <paramref name="work"/> that has no result.</summary>
    public static Task<AsyncResultWriter?> WhenDone(ValueTask work)
    {
        if (work.IsCompletedSuccessfully)
        {
            return s_done;
        }

        return AwaitAsync(work);

        static async Task<AsyncResultWriter?> AwaitAsync(ValueTask work)
        {
            await work.ConfigureAwait(false);
            return null;
        }
    }

    private static readonly Task<AsyncResultWriter?> s_done = Task.FromResult<AsyncResultWriter?>(null);

    private static void Start(HostCallContext call, string name, AsyncHostFunction implementation)
    {
        var state = call.Instance.AsyncState;
        var cancellation = new CancellationTokenSource();
        Task<AsyncResultWriter?> work;
        try
        {
            work = implementation(call, cancellation.Token)
                ?? throw new InvalidOperationException($"The async implementation of {name} returned no task.");
        }
        catch
        {
            cancellation.Dispose();
            throw;
        }

        if (work.IsCompletedSuccessfully)
        {
            cancellation.Dispose();
            work.Result?.Invoke(call.Instance);
            call.SetResult((uint)SubtaskState.Returned);
            return;
        }

        var subtask = new Subtask(name, work, cancellation);
        uint handle;
        lock (state.Gate)
        {
            handle = state.Table.Add(subtask);
        }

        // The guest learns of the end when it next looks at the subtask's set.
        work.ContinueWith(
            static (_, argument) =>
            {
                var (owner, finished) = ((AsyncInstanceState, Subtask))argument!;
                lock (owner.Gate)
                {
                    finished.Progress();
                }
            },
            (state, subtask),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        call.SetResult((uint)SubtaskState.Started | (handle << AsyncAbi.PayloadShift));
    }
}
