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
