using System.Buffers.Binary;
using System.Collections.Frozen;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Hosting;
using WitHost.Wit.Abi;
using WitHost.Wit.Binary;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Async;

/// <summary>
/// Serves the Canonical ABI's async built-ins to a guest, under the core names wit-bindgen and
/// <c>wasm-tools component new</c> use: in module <c>$root</c> <c>[waitable-set-new]</c>,
/// <c>[waitable-set-wait]</c>, <c>[waitable-set-poll]</c>, <c>[waitable-set-drop]</c>,
/// <c>[waitable-join]</c>, <c>[subtask-drop]</c>, <c>[subtask-cancel]</c> (and its
/// <c>[async-lower]</c> form), <c>[context-get-0]</c>, <c>[context-set-0]</c>,
/// <c>[backpressure-set]</c>, <c>[backpressure-inc]</c>, <c>[backpressure-dec]</c>,
/// <c>[thread-yield]</c>, <c>[error-context-new-E]</c>, <c>[error-context-debug-message-E]</c>
/// (E = <c>utf8</c>, <c>utf16</c> or <c>latin1+utf16</c>), <c>[error-context-drop]</c> and the
/// built-ins of streams and futures without elements (<c>[stream-new-unit]</c>…); in
/// the modules <c>[export]…</c> of exported interfaces (<c>[export]$root</c> for world functions)
/// <c>[task-return]f</c> and <c>[task-cancel]</c>. Every state lives in the calling instance, and
/// every misuse the spec names is a trap.
/// </summary>
public static class AsyncBuiltins
{
    /// <summary>Makes <paramref name="imports"/> serve the async built-ins to the instances it is given to.</summary>
    public static HostImports AddTo(HostImports imports)
    {
        ArgumentNullException.ThrowIfNull(imports);
        return imports.AddResolver(Resolve);
    }

    /// <summary>
    /// Also serves the stream and future built-ins of <paramref name="world"/>'s functions
    /// (<c>[stream-read-0]f</c>…), whose element types the world gives.
    /// </summary>
    public static HostImports AddTo(HostImports imports, WitWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var payloads = new ChannelPayloads(world);
        return AddTo(imports).AddResolver((module, name) => ChannelBuiltins.Resolve(payloads, module, name));
    }

    /// <summary>
    /// Serves the async built-ins and the stream and future built-ins of <paramref name="channels"/>
    /// (what generated hosts pass: their world's streams and futures, listed when the host was generated).
    /// </summary>
    public static HostImports AddChannelBuiltins(HostImports imports, IEnumerable<ChannelType> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var payloads = new ChannelPayloads(channels.Select(channel => channel.ToCore()));
        return AddTo(imports).AddResolver((module, name) => ChannelBuiltins.Resolve(payloads, module, name));
    }

    /// <summary>The host function serving built-in <paramref name="name"/> of <paramref name="module"/>, or null.</summary>
    internal static HostFunction? Resolve(string module, string name)
    {
        if (module == CoreNames.RootModule)
        {
            // Besides the built-ins of no type, those of streams and futures without elements
            // ([stream-new-unit]…), which need nothing of the world.
            return s_root.TryGetValue(name, out var builtin) ? builtin : ChannelBuiltins.Resolve(ChannelPayloads.None, module, name);
        }

        if (module.StartsWith(CoreNames.ExportModulePrefix, StringComparison.Ordinal))
        {
            if (name == CoreNames.TaskCancelName)
            {
                return TaskCancel;
            }

            if (name.StartsWith(CoreNames.TaskReturnPrefix, StringComparison.Ordinal))
            {
                return TaskReturn;
            }
        }

        return null;
    }

    // The $root built-ins by the names CoreNames gives them (the one place those names live).
    private static readonly FrozenDictionary<string, HostFunction> s_root = RootBuiltins();

    private static FrozenDictionary<string, HostFunction> RootBuiltins()
    {
        var builtins = new Dictionary<string, HostFunction>(StringComparer.Ordinal);
        foreach (var builtin in Enum.GetValues<CanonicalBuiltin>())
        {
            foreach (var flag in (ReadOnlySpan<bool>)[false, true])
            {
                foreach (var encoding in Enum.GetValues<CanonicalStringEncoding>())
                {
                    if (CoreNames.RootBuiltin(builtin, flag, 0, encoding) is { } name && RootBuiltin(builtin, flag, encoding) is { } function)
                    {
                        builtins.TryAdd(name, function);
                    }
                }
            }
        }

        return builtins.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // What serves each $root built-in; null for the ones WitHost refuses (thread.*, cancellable waits)
    // and context slots other than 0.
    private static HostFunction? RootBuiltin(CanonicalBuiltin builtin, bool flag, CanonicalStringEncoding encoding) => (builtin, flag) switch
    {
        (CanonicalBuiltin.WaitableSetNew, _) => WaitableSetNew,
        (CanonicalBuiltin.WaitableSetWait, false) => WaitableSetWait,
        (CanonicalBuiltin.WaitableSetPoll, false) => WaitableSetPoll,
        (CanonicalBuiltin.WaitableSetDrop, _) => WaitableSetDrop,
        (CanonicalBuiltin.WaitableJoin, _) => WaitableJoin,
        (CanonicalBuiltin.SubtaskDrop, _) => SubtaskDrop,
        (CanonicalBuiltin.SubtaskCancel, var isAsync) => call => SubtaskCancel(call, blocking: !isAsync),
        (CanonicalBuiltin.ContextGet, _) => call => call.SetResult(State(call).Context0),
        (CanonicalBuiltin.ContextSet, _) => call => State(call).Context0 = call.GetUInt32(0),
        (CanonicalBuiltin.BackpressureSet, _) => call => State(call).AdjustBackpressure(call.GetInt32(0) != 0 ? 1 : 0, absolute: true, call.Import.Name),
        (CanonicalBuiltin.BackpressureInc, _) => call => State(call).AdjustBackpressure(1, absolute: false, call.Import.Name),
        (CanonicalBuiltin.BackpressureDec, _) => call => State(call).AdjustBackpressure(-1, absolute: false, call.Import.Name),
        // A task that yields from inside its code (rather than by its callback's YIELD) keeps the
        // instance: nothing else of it can run meanwhile, so the yield returns at once, not cancelled.
        (CanonicalBuiltin.ThreadYield, false) => call => call.SetResult(0),
        (CanonicalBuiltin.ErrorContextNew, _) => call => ErrorContextNew(call, Encoding(encoding)),
        (CanonicalBuiltin.ErrorContextDebugMessage, _) => call => ErrorContextDebugMessage(call, Encoding(encoding)),
        (CanonicalBuiltin.ErrorContextDrop, _) => ErrorContextDrop,
        _ => null,
    };

    private static StringEncoding Encoding(CanonicalStringEncoding encoding) => encoding switch
    {
        CanonicalStringEncoding.Utf16 => StringEncoding.Utf16,
        CanonicalStringEncoding.Latin1Utf16 => StringEncoding.Latin1Utf16,
        _ => StringEncoding.Utf8,
    };

    internal static AsyncInstanceState State(HostCallContext call) => call.Instance.AsyncState;

    private static void WaitableSetNew(HostCallContext call)
    {
        var state = State(call);
        lock (state.Gate)
        {
            call.SetResult(state.Table.Add(new WaitableSet()));
        }
    }

    private static void WaitableSetWait(HostCallContext call)
    {
        var state = State(call);
        WaitableSet set;
        lock (state.Gate)
        {
            set = state.Table.Get<WaitableSet>(call.GetUInt32(0), "waitable set", call.Import.Name);
        }

        WriteEvent(call, state.WaitBlocking(set, call.Import.Name));
    }

    private static void WaitableSetPoll(HostCallContext call)
    {
        var state = State(call);
        AsyncEvent ready;
        lock (state.Gate)
        {
            ready = state.Poll(state.Table.Get<WaitableSet>(call.GetUInt32(0), "waitable set", call.Import.Name));
        }

        WriteEvent(call, ready);
    }

    // The event code is the result; the waitable's handle and the payload go to the guest's pointer.
    private static void WriteEvent(HostCallContext call, AsyncEvent ready)
    {
        var pair = GuestSlice(call, call.GetUInt32(1), 8, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(pair, ready.Handle);
        BinaryPrimitives.WriteUInt32LittleEndian(pair[4..], ready.Payload);
        call.SetResult((uint)ready.Code);
    }

    private static void WaitableSetDrop(HostCallContext call)
    {
        var state = State(call);
        lock (state.Gate)
        {
            var set = state.Table.Get<WaitableSet>(call.GetUInt32(0), "waitable set", call.Import.Name);
            if (set.Waiters > 0)
            {
                throw AsyncTrap.In(call.Import.Name, $"waitable set {set.Handle} has {set.Waiters} task(s) waiting on it");
            }

            if (set.Members.Count > 0)
            {
                throw AsyncTrap.In(call.Import.Name, $"waitable set {set.Handle} still has {set.Members.Count} waitable(s) joined to it");
            }

            state.Table.Remove(set);
        }
    }

    private static void WaitableJoin(HostCallContext call)
    {
        var state = State(call);
        lock (state.Gate)
        {
            var waitable = state.Table.Get<Waitable>(call.GetUInt32(0), "waitable", call.Import.Name);
            var setHandle = call.GetUInt32(1);
            waitable.Join(setHandle == 0 ? null : state.Table.Get<WaitableSet>(setHandle, "waitable set", call.Import.Name));
        }
    }

    private static void SubtaskDrop(HostCallContext call)
    {
        var state = State(call);
        lock (state.Gate)
        {
            var subtask = state.Table.Get<Subtask>(call.GetUInt32(0), "subtask", call.Import.Name);
            if (!subtask.ResolveDelivered)
            {
                throw AsyncTrap.In(call.Import.Name, $"subtask {subtask.Handle} has not returned or been cancelled yet");
            }

            subtask.Join(null);
            state.Table.Remove(subtask);
        }
    }

    private static void SubtaskCancel(HostCallContext call, bool blocking)
    {
        var state = State(call);
        Subtask subtask;
        lock (state.Gate)
        {
            subtask = state.Table.Get<Subtask>(call.GetUInt32(0), "subtask", call.Import.Name);
            if (subtask.ResolveDelivered)
            {
                throw AsyncTrap.In(call.Import.Name, $"subtask {subtask.Handle} has already returned or been cancelled");
            }

            if (subtask.CancelRequested)
            {
                throw AsyncTrap.In(call.Import.Name, $"subtask {subtask.Handle} is already being cancelled");
            }

            subtask.RequestCancel();
            if (!subtask.IsFinished && !blocking)
            {
                call.SetResult(AsyncAbi.Blocked);
                return;
            }
        }

        if (!subtask.IsFinished)
        {
            if (state.Current is null)
            {
                throw AsyncTrap.In(call.Import.Name, "a synchronous export may not block: subtask.cancel would wait for the host");
            }

            // The host's task needs nothing of the instance to finish, so waiting here cannot
            // deadlock; one that ignores its token is waited for no longer than the call may run.
            state.Block(subtask.Work);
        }

        lock (state.Gate)
        {
            call.SetResult(subtask.TakeEvent(call.Instance).Payload);
        }
    }

    private static void TaskReturn(HostCallContext call)
    {
        var task = ResolvingTask(call, "task.return");
        if (task.ReturnModule != call.Import.Module || task.ReturnName != call.Import.Name)
        {
            throw AsyncTrap.In(call.Import.Name, $"the task of '{task.ExportName}' returns through '{task.ReturnModule}' '{task.ReturnName}', not this one");
        }

        task.CheckBorrowsDropped(call.Import.Name, "returned");
        task.Return(call);
    }

    private static void TaskCancel(HostCallContext call)
    {
        var task = ResolvingTask(call, "task.cancel");
        if (!task.CancelDelivered)
        {
            throw AsyncTrap.In(call.Import.Name, $"the task of '{task.ExportName}' was not cancelled");
        }

        task.CheckBorrowsDropped(call.Import.Name, "was cancelled");
        task.Cancel();
    }

    // The running async task, which must not have resolved yet.
    private static GuestTask ResolvingTask(HostCallContext call, string what)
    {
        var state = State(call);
        lock (state.Gate)
        {
            if (state.Current is not { } task)
            {
                throw AsyncTrap.In(call.Import.Name, $"{what} was called outside an async export's task");
            }

            if (task.Resolved)
            {
                throw AsyncTrap.In(call.Import.Name, $"{what} was called after the task of '{task.ExportName}' had already returned or been cancelled");
            }

            state.Running.Remove(task);
            return task;
        }
    }

    private static void ErrorContextNew(HostCallContext call, StringEncoding encoding)
    {
        var context = AbiContext(call, encoding);
        var message = CanonicalStrings.Load(context, call.GetUInt32(0), call.GetUInt32(1));
        var state = State(call);
        lock (state.Gate)
        {
            call.SetResult(state.Table.Add(new ErrorContextEntry(new ErrorContext(message))));
        }
    }

    private static void ErrorContextDebugMessage(HostCallContext call, StringEncoding encoding)
    {
        var state = State(call);
        ErrorContext error;
        lock (state.Gate)
        {
            error = state.Table.Get<ErrorContextEntry>(call.GetUInt32(0), "error context", call.Import.Name).Value;
        }

        var context = AbiContext(call, encoding);
        var target = call.GetUInt32(1);
        context.CheckRange(target, 8, 4, "debug message pointer");
        var (pointer, units) = CanonicalStrings.Store(context, error.DebugMessage);
        context.Refresh();
        context.WriteUnsigned(target, 4, pointer);
        context.WriteUnsigned(target + 4, 4, units);
    }

    private static void ErrorContextDrop(HostCallContext call)
    {
        var state = State(call);
        lock (state.Gate)
        {
            state.Table.Remove(state.Table.Get<ErrorContextEntry>(call.GetUInt32(0), "error context", call.Import.Name));
        }
    }

    internal static CanonicalAbiContext AbiContext(HostCallContext call, StringEncoding encoding) =>
        new(new WamrCanonicalMemory(call.Instance), encoding, call.Import.Name, call.Instance.MaxLiftBytes);

    // A bounds- and alignment-checked slice of guest memory; a bad pointer is a trap.
    private static Span<byte> GuestSlice(HostCallContext call, uint pointer, uint length, uint alignment)
    {
        var context = AbiContext(call, StringEncoding.Utf8);
        context.CheckRange(pointer, length, alignment, "event pointer");
        return context.Slice(pointer, length);
    }
}
