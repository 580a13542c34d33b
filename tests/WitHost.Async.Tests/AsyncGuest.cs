using System.Collections.Concurrent;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Async;
using WitHost.Wamr.Hosting;

namespace WitHost.Async.Tests;

/// <summary>
/// The async guest (tests/guests/async.c, world async-guest of wit/async.wit) and a host for it:
/// the async import <c>fetch</c>, which answers key × 10 after the host lets it
/// (<see cref="Release"/>) or at once, and calls of its exports at the core level. Under
/// <c>WITHOST_TEST_GUEST_MODE=aot</c> the guest runs compiled ahead of time (<see cref="GuestMode"/>).
/// </summary>
internal sealed class AsyncGuest : IDisposable
{
    public const string Jobs = "example:concurrency/jobs#";
    public const string Tools = "example:concurrency/tools#";
    public const string Fetcher = "example:concurrency/fetcher";
    public const string Counters = "example:concurrency/counters#";
    public const string Ledger = "example:concurrency/ledger";

#if ASYNC_GUEST_AS_COMPONENT
    // tests/WitHost.CrossCheck.Tests compiles this file to run every async test on the guest made
    // into a component by jco (componentEmbed + componentNew), as a user's toolchain makes it.
    private static readonly Lazy<byte[]> s_component = new(() => GuestMode.Prepare(
        JcoComponents.Make("tests/guests/async.wasm", "wit/async.wit", "async-guest", null, adapter: true).Bytes));
#else
    private static readonly Lazy<byte[]> s_bytes = new(() => GuestMode.Prepare(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "async.wasm"))));
#endif

    private readonly WamrEngine _engine = new();
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<uint>> _pending = new();

    public AsyncGuest(bool fetchAnswersAtOnce = false, Func<uint, CancellationToken, Task<uint>>? fetch = null)
    {
#if ASYNC_GUEST_AS_COMPONENT
        Module = _engine.LoadComponent(s_component.Value);
#else
        Module = _engine.LoadModule(s_bytes.Value);
#endif
        Imports = new HostImports().DefineAsync(Fetcher, "fetch", (call, cancellationToken) =>
        {
            var key = call.GetUInt32(0);
            var resultPointer = call.GetUInt32(1);
            Fetches.Enqueue(key);
            var value = fetchAnswersAtOnce ? Task.FromResult(key * 10)
                : fetch is not null ? fetch(key, cancellationToken)
                : Pending(key, cancellationToken);
            return WriteWhenDone(value, resultPointer);
        });
        DefineResources(Imports);
        AsyncBuiltins.AddTo(Imports, AsyncWorld.World);
        Instance = Module.Instantiate(Imports);
    }

    public WamrModule Module { get; }

    public HostImports Imports { get; }

    public WamrInstance Instance { get; }

    /// <summary>The keys the guest fetched, in order.</summary>
    public ConcurrentQueue<uint> Fetches { get; } = new();

    /// <summary>The cancellation tokens fetches saw cancelled.</summary>
    public ConcurrentQueue<uint> CancelledFetches { get; } = new();

    /// <summary>The representation behind each counter handle the guest made with <c>[resource-new]counter</c>.</summary>
    public ConcurrentDictionary<int, uint> CounterReps { get; } = new();

    /// <summary>The id of each live account handle the guest holds (made by <c>[constructor]account</c>).</summary>
    public ConcurrentDictionary<int, uint> Accounts { get; } = new();

    /// <summary>Runs inside <c>[constructor]account</c> (a synchronous host import) with the account's id.</summary>
    public Action<uint>? AccountOpening { get; set; }

    /// <summary>The ids of the accounts whose balance the guest asked for, in order.</summary>
    public ConcurrentQueue<uint> Balances { get; } = new();

    /// <summary>Makes a counter with <c>[constructor]counter</c>: its representation, for the methods' <c>self</c>.</summary>
    public uint NewCounter(uint value)
    {
        var handle = Instance.GetFunction(Counters + "[constructor]counter").Invoke(WasmValue.FromUInt32(value))[0].AsInt32();
        return CounterReps[handle];
    }

    /// <summary>Calls async method or static function <paramref name="function"/> of counter (<c>[method]counter.add-fetched</c>…).</summary>
    public Task<uint> CallCounter(string function, CancellationToken cancellationToken, params uint[] arguments) =>
        AsyncExportCall.InvokeAsync(Instance, Counters + function, [.. arguments.Select(WasmValue.FromUInt32)], call => call.GetUInt32(0), cancellationToken);

    /// <summary>Lets the fetch of <paramref name="key"/> answer key × 10 (waits until the guest asked for it).</summary>
    public void Release(uint key) => _pending.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(key * 10);

    public Task<uint> CallU32(string function, params uint[] arguments) =>
        AsyncExportCall.InvokeAsync(Instance, Jobs + function, [.. arguments.Select(WasmValue.FromUInt32)], call => call.GetUInt32(0));

    public Task<uint> CallU32(string function, CancellationToken cancellationToken, params uint[] arguments) =>
        AsyncExportCall.InvokeAsync(Instance, Jobs + function, [.. arguments.Select(WasmValue.FromUInt32)], call => call.GetUInt32(0), cancellationToken);

    public void Dispose()
    {
        Instance.Dispose();
        Module.Dispose();
        _engine.Dispose();
    }

    // The guest's counter handles (a resource it implements) and the host's accounts (one it
    // imports): an account's balance is its id × 100, answered by the async method when the fetch
    // of its id would answer (Release), so the guest waits for it on a subtask.
    private void DefineResources(HostImports imports)
    {
        var counterHandles = 0;
        imports.Define("[export]" + Counters.TrimEnd('#'), "[resource-new]counter", call =>
        {
            var handle = Interlocked.Increment(ref counterHandles);
            CounterReps[handle] = call.GetUInt32(0);
            call.SetResult(handle);
        });
        var accountHandles = 0;
        imports.Define(Ledger, "[constructor]account", call =>
        {
            var handle = Interlocked.Increment(ref accountHandles);
            Accounts[handle] = call.GetUInt32(0);
            AccountOpening?.Invoke(call.GetUInt32(0));
            call.SetResult(handle);
        });
        imports.Define(Ledger, "[resource-drop]account", call =>
        {
            if (!Accounts.TryRemove(call.GetInt32(0), out _))
            {
                throw new InvalidOperationException($"the guest dropped account handle {call.GetInt32(0)}, which it does not hold");
            }
        });
        imports.DefineAsync(Ledger, "[method]account.balance", (call, cancellationToken) =>
        {
            var id = Accounts[call.GetInt32(0)];
            var resultPointer = call.GetUInt32(1);
            Balances.Enqueue(id);
            return WriteWhenDone(Pending(id, cancellationToken).ContinueWith(fetched => fetched.Result * 10, TaskScheduler.Default), resultPointer);
        });
    }

    private Task<uint> Pending(uint key, CancellationToken cancellationToken)
    {
        var source = _pending.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        cancellationToken.Register(() =>
        {
            if (source.TrySetCanceled(cancellationToken))
            {
                CancelledFetches.Enqueue(key);
            }
        });
        return source.Task;
    }

    private static async Task<AsyncResultWriter?> WriteWhenDone(Task<uint> value, uint resultPointer)
    {
        var result = await value.ConfigureAwait(false);
        return instance => instance.Memory.WriteUInt32(resultPointer, result);
    }
}
