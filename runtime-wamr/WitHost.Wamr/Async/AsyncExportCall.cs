using WitHost.Wit.Abi;

namespace WitHost.Wamr.Async;

/// <summary>
/// Calls an async export lifted with the callback ABI and drives the guest's event loop: the host
/// calls <c>[async-lift]E</c> with the flat arguments, then <c>[callback][async-lift]E</c> with
/// each event the guest waits for, until the guest exits. A waiting guest holds no thread: the
/// host awaits its waitable set, and other calls may enter the instance meanwhile.
/// </summary>
public static class AsyncExportCall
{
    /// <summary>The core name prefix of an export lifted asynchronously with a callback.</summary>
    public const string LiftPrefix = CoreNames.AsyncLiftPrefix;

    /// <summary>The core name prefix of the callback of such an export.</summary>
    public const string CallbackPrefix = CoreNames.CallbackPrefix;

    /// <summary>
    /// Calls async export <paramref name="exportName"/> (its core name without <c>[async-lift]</c>,
    /// e.g. <c>ns:pkg/iface#f</c> or a world function's name). The first step runs on the calling
    /// thread; the task completes when the guest calls <c>task.return</c>, whose arguments
    /// <paramref name="onReturn"/> reads, and is cancelled when the guest answers a cancellation
    /// with <c>task.cancel</c>.
    /// </summary>
    /// <param name="instance">The instance; its imports must serve the built-ins (<see cref="AsyncBuiltins.AddTo"/>).</param>
    /// <param name="exportName">The export, as the guest names it after the <c>[async-lift]</c> prefix.</param>
    /// <param name="arguments">The flat core arguments.</param>
    /// <param name="onReturn">Reads the results from the guest's <c>task.return</c> call.</param>
    /// <param name="cancellationToken">Cancels the call: the guest is told (a task-cancelled event) at its next wait or yield.</param>
    /// <exception cref="WamrException">The guest has no such export or no callback for it.</exception>
    /// <remarks>The task fails with <see cref="WasmTrapException"/> when the guest traps or misuses
    /// the async ABI (exits without returning, returns twice…), which faults the instance.</remarks>
    public static Task<T> InvokeAsync<T>(WamrInstance instance, string exportName, WasmValue[] arguments, TaskReturnReader<T> onReturn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return InvokeAsync(instance, exportName, _ => arguments, onReturn, cancellationToken);
    }

    /// <summary>
    /// Calls async export <paramref name="exportName"/> as
    /// <see cref="InvokeAsync{T}(WamrInstance, string, WasmValue[], TaskReturnReader{T}, CancellationToken)"/>
    /// does, with arguments <paramref name="lowerArguments"/> makes when the task starts (after any
    /// backpressure), owning the instance: it may allocate in the guest's memory and write there.
    /// A lowering that throws fails the task with its exception; the guest has not run.
    /// </summary>
    /// <param name="instance">The instance; its imports must serve the built-ins (<see cref="AsyncBuiltins.AddTo(Hosting.HostImports)"/>).</param>
    /// <param name="exportName">The export, as the guest names it after the <c>[async-lift]</c> prefix.</param>
    /// <param name="lowerArguments">Lowers the arguments into the instance: the flat core arguments.</param>
    /// <param name="onReturn">Reads the results from the guest's <c>task.return</c> call.</param>
    /// <param name="cancellationToken">Cancels the call: the guest is told (a task-cancelled event) at its next wait or yield.</param>
    /// <exception cref="WamrException">The guest has no such export or no callback for it.</exception>
    public static Task<T> InvokeAsync<T>(WamrInstance instance, string exportName, AsyncArgumentLowering lowerArguments, TaskReturnReader<T> onReturn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lowerArguments);
        return InvokeAsync(instance, exportName, lowerArguments, static (instance, lower, flat) =>
        {
            var values = lower(instance);
            if (values.Length != flat.Length)
            {
                throw new ArgumentException($"The lowering made {values.Length} core arguments; the async export takes {flat.Length}.", nameof(lowerArguments));
            }

            values.CopyTo(flat);
        }, onReturn, cancellationToken);
    }

    /// <summary>
    /// Calls async export <paramref name="exportName"/> as
    /// <see cref="InvokeAsync{T}(WamrInstance, string, AsyncArgumentLowering, TaskReturnReader{T}, CancellationToken)"/>
    /// does, with <paramref name="arguments"/> lowered by <paramref name="lowerArguments"/> when the
    /// task starts: the form generated calls use, which allocates nothing for the arguments when
    /// the lowering captures nothing (the arguments travel in <paramref name="arguments"/>).
    /// </summary>
    /// <param name="instance">The instance; its imports must serve the built-ins (<see cref="AsyncBuiltins.AddTo(Hosting.HostImports)"/>).</param>
    /// <param name="exportName">The export, as the guest names it after the <c>[async-lift]</c> prefix.</param>
    /// <param name="arguments">The call's arguments (a tuple when there are several), handed to <paramref name="lowerArguments"/>.</param>
    /// <param name="lowerArguments">Lowers the arguments into the instance, writing the flat core arguments.</param>
    /// <param name="onReturn">Reads the results from the guest's <c>task.return</c> call.</param>
    /// <param name="cancellationToken">Cancels the call: the guest is told (a task-cancelled event) at its next wait or yield.</param>
    /// <exception cref="WamrException">The guest has no such export or no callback for it.</exception>
    public static Task<T> InvokeAsync<TArguments, T>(WamrInstance instance, string exportName, TArguments arguments, AsyncArgumentLowering<TArguments> lowerArguments, TaskReturnReader<T> onReturn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(exportName);
        ArgumentNullException.ThrowIfNull(lowerArguments);
        ArgumentNullException.ThrowIfNull(onReturn);
        var export = Bind(instance, exportName);
        var task = new GuestTask<T>(exportName, export.ReturnModule, export.ReturnName, onReturn, cancellationToken);
        _ = DriveAsync(instance, task, export.Lift, export.Callback, arguments, lowerArguments, cancellationToken);
        return task.Completion.Task;
    }

    /// <summary>The <c>task.return</c> import of export <paramref name="exportName"/>: module and name.</summary>
    public static (string Module, string Name) TaskReturnImport(string exportName)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        var import = CoreNames.TaskReturn(exportName);
        return (import.Module, import.Name);
    }

    // The export's functions and task.return import, looked up once per instance: a call makes no names.
    private static AsyncExportBinding Bind(WamrInstance instance, string exportName)
    {
        var bindings = instance.AsyncState.ExportBindings;
        if (bindings.TryGetValue(exportName, out var bound))
        {
            return bound;
        }

        var lift = instance.TryGetFunction(LiftPrefix + exportName)
            ?? throw new WamrException($"The guest has no async export '{LiftPrefix}{exportName}'.");
        var callback = instance.TryGetFunction(CallbackPrefix + exportName)
            ?? throw new WamrException($"The guest's async export '{LiftPrefix}{exportName}' has no callback '{CallbackPrefix}{exportName}' (WitHost runs async exports with the callback ABI only).");
        var (returnModule, returnName) = TaskReturnImport(exportName);
        return bindings.GetOrAdd(exportName, new AsyncExportBinding(lift, callback, returnModule, returnName));
    }

    private static async Task DriveAsync<TArguments>(WamrInstance instance, GuestTask task, WamrFunction lift, WamrFunction callback, TArguments arguments, AsyncArgumentLowering<TArguments> lowerArguments, CancellationToken cancellationToken)
    {
        AsyncInstanceState state;
        try
        {
            state = instance.AsyncState;
        }
        catch (Exception error)
        {
            task.Fail(error);
            return;
        }

        using var registration = cancellationToken.CanBeCanceled ? RegisterCancel(cancellationToken, state, task) : default;
        try
        {
            // Backpressure holds new calls back until the guest lifts it.
            await state.WhenAccepting().ConfigureAwait(false);
            lock (state.Gate)
            {
                ObjectDisposedException.ThrowIf(state.IsDisposed, instance);
                state.Running.Add(task);
            }

            var code = RunFirstStep(instance, state, task, lift, arguments, lowerArguments);
            while (true)
            {
                var kind = (CallbackCode)(code & AsyncAbi.CodeMask);
                var payload = code >> AsyncAbi.PayloadShift;
                switch (kind)
                {
                    case CallbackCode.Exit:
                        // The step checked that the task resolved (InvokeStep).
                        return;
                    case CallbackCode.Yield:
                        if (payload != 0)
                        {
                            throw instance.Fault(task.ExportName, $"the callback code {code:x} has a payload with YIELD", null);
                        }

                        await Task.Yield();
                        var yielded = EventOrCancel(state, task, null, instance);
                        code = RunStep(instance, state, task, callback, null, yielded)!.Value;
                        break;
                    case CallbackCode.Wait:
                        code = await WaitAndStepAsync(instance, state, task, callback, payload).ConfigureAwait(false);
                        break;
                    default:
                        throw instance.Fault(task.ExportName, $"the async export returned the callback code {code}, which is not EXIT, YIELD or WAIT", null);
                }
            }
        }
        catch (Exception error)
        {
            lock (state.Gate)
            {
                state.Running.Remove(task);
            }

            task.Fail(error);
        }
    }

    // Waits, holding no thread, until the set has an event (or the task is cancelled), then runs the callback with it.
    private static async Task<uint> WaitAndStepAsync(WamrInstance instance, AsyncInstanceState state, GuestTask task, WamrFunction callback, uint setHandle)
    {
        while (true)
        {
            Task? signal = null;
            WaitableSet set;
            lock (state.Gate)
            {
                ObjectDisposedException.ThrowIf(state.IsDisposed, instance);

                // Another call trapped (which wakes the waiting tasks): no step of this one can run.
                if (instance.CurrentFault is { } fault)
                {
                    throw new WasmInstanceFaultedException(fault);
                }

                try
                {
                    set = state.Table.Get<WaitableSet>(setHandle, "waitable set", callback.Name);
                }
                catch (WasmTrapException trap)
                {
                    throw instance.Fault(task.ExportName, trap.TrapMessage, null);
                }

                if ((!task.CancelRequested || task.CancelDelivered) && set.Ready() is null)
                {
                    signal = set.WhenSignalled();
                    set.Waiters++;
                    task.WaitingOn = set;
                }
            }

            // A task counted as waiting is uncounted however the wait ends, also when the set was
            // signalled before the await: left counted, its guest could not drop the set.
            if (signal is not null)
            {
                try
                {
                    await signal.ConfigureAwait(false);
                }
                finally
                {
                    lock (state.Gate)
                    {
                        set.Waiters--;
                        task.WaitingOn = null;
                    }
                }

                continue;
            }

            // Another task may have taken the event meanwhile: then wait again.
            if (RunStep(instance, state, task, callback, set, null) is { } code)
            {
                return code;
            }
        }
    }

    // Apart, so that a call without a token allocates no closure for it.
    private static CancellationTokenRegistration RegisterCancel(CancellationToken cancellationToken, AsyncInstanceState state, GuestTask task)
        => cancellationToken.Register(() => RequestCancel(state, task));

    private static void RequestCancel(AsyncInstanceState state, GuestTask task)
    {
        lock (state.Gate)
        {
            if (task.Resolved)
            {
                return;
            }

            task.CancelRequested = true;
            task.WaitingOn?.Signal();
        }
    }

    // The event for a step: the task's cancellation first, then one of the set's (none when it has none now).
    private static AsyncEvent? EventOrCancel(AsyncInstanceState state, GuestTask task, WaitableSet? set, WamrInstance instance)
    {
        lock (state.Gate)
        {
            if (task.CancelRequested && !task.CancelDelivered && !task.Resolved)
            {
                task.CancelDelivered = true;
                return new AsyncEvent(EventCode.TaskCancelled, 0, 0);
            }

            if (set is null)
            {
                return AsyncEvent.None;
            }

            return set.Ready()?.TakeEvent(instance);
        }
    }

    // The task's first run of guest code, owning the instance: the export, with the arguments
    // lowered now (into the guest's memory, where they need it) as its flat core arguments.
    private static uint RunFirstStep<TArguments>(WamrInstance instance, AsyncInstanceState state, GuestTask task, WamrFunction lift, TArguments arguments, AsyncArgumentLowering<TArguments> lowerArguments)
    {
        using var scope = instance.EnterCall();
        var previous = state.Current;
        state.Current = task;
        try
        {
            // At most MAX_FLAT_PARAMS core arguments (more go in memory, behind one pointer), so
            // on the stack, unless the guest declared its export otherwise.
            var count = lift.Type.Parameters.Length;
            Span<WasmValue> flat = count <= CoreFunctionSignature.MaxFlatParams ? stackalloc WasmValue[CoreFunctionSignature.MaxFlatParams] : new WasmValue[count];
            flat = flat[..count];
            lowerArguments(instance, arguments, flat);
            return InvokeStep(instance, task, lift, flat);
        }
        finally
        {
            state.Current = previous;
        }
    }

    // A later run of guest code for the task, owning the instance: the callback with an event:
    // the one given (a yield's), or one taken from set, which may write to guest memory. Null
    // when the set had no event after all.
    private static uint? RunStep(WamrInstance instance, AsyncInstanceState state, GuestTask task, WamrFunction function, WaitableSet? set, AsyncEvent? given)
    {
        using var scope = instance.EnterCall();
        var previous = state.Current;
        state.Current = task;
        try
        {
            if ((set is null ? given : EventOrCancel(state, task, set, instance)) is not { } ready)
            {
                return null;
            }

            return InvokeStep(instance, task, function, [WasmValue.FromInt32((int)ready.Code), WasmValue.FromInt32((int)ready.Handle), WasmValue.FromInt32((int)ready.Payload)]);
        }
        finally
        {
            state.Current = previous;
        }
    }

    // Calls the export or callback (arguments and results on the stack): its callback code. A
    // guest that exits in either ends its task with WasmExitException (the code it left is not
    // one), which fails the call's Task; the instance is not faulted. A step that ends the task
    // without resolving it (an exit, a trap, EXIT before task.return or task.cancel) ends the
    // borrows lent to the task here, while the step still owns the instance: no other call sees
    // them, and none stays counted for a task that is over.
    private static uint InvokeStep(WamrInstance instance, GuestTask task, WamrFunction function, ReadOnlySpan<WasmValue> arguments)
    {
        try
        {
            int resultCount = function.Type.Results.Length;
            Span<WasmValue> results = stackalloc WasmValue[Math.Max(resultCount, 1)];
            function.Invoke(arguments, results);
            instance.ThrowIfExited(task.ExportName);
            if (resultCount != 1 || results[0].Kind != WasmValueKind.I32)
            {
                throw instance.Fault(function.Name, $"an async export and its callback return one i32 (a callback code), not {resultCount} value(s)", null);
            }

            var code = results[0].AsUInt32();
            if ((CallbackCode)(code & AsyncAbi.CodeMask) == CallbackCode.Exit && !task.Resolved)
            {
                throw instance.Fault(task.ExportName, "the async export exited without calling task.return or task.cancel", null);
            }

            return code;
        }
        catch (Exception)
        {
            task.EndBorrows();
            throw;
        }
    }
}
