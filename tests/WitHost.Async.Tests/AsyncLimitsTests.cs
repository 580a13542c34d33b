using System.Collections.Concurrent;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Async;
using WitHost.Wamr.Hosting;

namespace WitHost.Async.Tests;

/// <summary>
/// The limits of async tasks, with tests/guests/async-limits.c (core level): a task blocked in
/// <c>waitable-set.wait</c> gets its event, is bounded by the call timeout and hears of a
/// cancellation; a task spinning in any step is stopped by the call timeout; a trap in a callback
/// fails the task. Under <c>WITHOST_TEST_GUEST_MODE=aot</c> each runs on compiled code, where the
/// built-ins are host functions called from native code and the timeout stops native code.
/// </summary>
public sealed class AsyncLimitsTests
{
    private const string Jobs = "example:limits/jobs#";
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);
    private static readonly Lazy<byte[]> s_bytes = new(() => GuestMode.Prepare(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "async-limits.wasm"))));

    [Fact]
    public async Task A_task_blocked_in_waitable_set_wait_gets_its_event_and_returns()
    {
        using var guest = new LimitsGuest(async (key, cancellationToken) =>
        {
            await Task.Delay(50, cancellationToken);
            return key * 10;
        });

        // The first step blocks its thread in the wait until the fetch is done.
        var answer = await Task.Run(() => guest.Call("wait-for", 7)).WaitAsync(s_patience);

        Assert.Equal(70u, answer);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task The_call_timeout_ends_a_blocking_wait_that_no_event_ends()
    {
        var timeout = TimeSpan.FromMilliseconds(200);
        using var guest = new LimitsGuest(Never, new InstanceOptions { CallTimeout = timeout });

        var stopped = await Assert.ThrowsAsync<WasmTimeoutException>(() => Task.Run(() => guest.Call("wait-for", 1)).WaitAsync(s_patience));

        Assert.Equal(timeout, stopped.Timeout);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task Cancelling_a_task_blocked_in_a_wait_tells_the_guest_which_cancels_its_fetch_and_then_itself()
    {
        using var guest = new LimitsGuest(Never);
        using var cancellation = new CancellationTokenSource();

        var call = Task.Run(() => guest.Call("wait-for", cancellation.Token, 3));
        await guest.Fetched.WaitAsync(s_patience);
        cancellation.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Equal([3u], guest.CancelledFetches);
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_blocking_subtask_cancel_of_a_host_task_that_ignores_its_token_ends_at_the_call_timeout()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        var ignored = new TaskCompletionSource<uint>();
        using var cancellation = new CancellationTokenSource();

        // The call is cancelled from inside the fetch, on the thread running the guest: cancelled
        // from the test's thread after the fetch began, a late thread-pool thread could let the
        // deadline pass first, and then the guest never hears of the cancellation.
        using var guest = new LimitsGuest((_, _) =>
        {
            cancellation.Cancel();
            return ignored.Task;
        }, new InstanceOptions { CallTimeout = timeout });

        var call = Task.Run(() => guest.Call("wait-for", cancellation.Token, 5));

        // The guest hears of the cancellation at its wait and cancels its fetch, which never ends.
        var stopped = await Assert.ThrowsAsync<WasmTimeoutException>(() => call.WaitAsync(s_patience));
        Assert.Equal(timeout, stopped.Timeout);
        Assert.Equal([5u], guest.CancelledFetches);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Theory]
    [InlineData("spin")]
    [InlineData("spin-later")]
    public async Task The_call_timeout_stops_a_task_spinning_in_its_first_step_or_a_callback(string export)
    {
        var timeout = TimeSpan.FromMilliseconds(100);
        using var guest = new LimitsGuest(Never, new InstanceOptions { CallTimeout = timeout });

        var stopped = await Assert.ThrowsAsync<WasmTimeoutException>(() => Task.Run(() => guest.Call(export)).WaitAsync(s_patience));

        Assert.Equal(timeout, stopped.Timeout);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public async Task A_trap_in_a_callback_fails_the_task_and_faults_the_instance()
    {
        using var guest = new LimitsGuest(Never);

        var trap = await Assert.ThrowsAsync<WasmTrapException>(() => guest.Call("trap-later").WaitAsync(s_patience));

        Assert.Contains("unreachable", trap.TrapMessage);
        Assert.True(guest.Instance.IsFaulted);
    }

    // A fetch that never answers: it ends cancelled when its token is.
    private static async Task<uint> Never(uint key, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return key;
    }

    private sealed class LimitsGuest : IDisposable
    {
        private readonly WamrEngine _engine = new();
        private readonly WamrModule _module;
        private readonly TaskCompletionSource _fetched = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LimitsGuest(Func<uint, CancellationToken, Task<uint>> fetch, InstanceOptions? options = null)
        {
            _module = _engine.LoadModule(s_bytes.Value);
            var imports = new HostImports().DefineAsync("example:limits/fetcher", "fetch", (call, cancellationToken) =>
            {
                var key = call.GetUInt32(0);
                var resultPointer = call.GetUInt32(1);
                cancellationToken.Register(() => CancelledFetches.Enqueue(key));
                _fetched.TrySetResult();
                return WriteWhenDone(fetch(key, cancellationToken), resultPointer);
            });
            Instance = _module.Instantiate(AsyncBuiltins.AddTo(imports), options);
        }

        public WamrInstance Instance { get; }

        /// <summary>Done once the guest asked for a fetch.</summary>
        public Task Fetched => _fetched.Task;

        /// <summary>The keys whose fetch saw its token cancelled.</summary>
        public ConcurrentQueue<uint> CancelledFetches { get; } = new();

        public Task<uint> Call(string export, params uint[] arguments) => Call(export, CancellationToken.None, arguments);

        public Task<uint> Call(string export, CancellationToken cancellationToken, params uint[] arguments) =>
            AsyncExportCall.InvokeAsync(Instance, Jobs + export, [.. arguments.Select(WasmValue.FromUInt32)], call => call.GetUInt32(0), cancellationToken);

        public void Dispose()
        {
            Instance.Dispose();
            _module.Dispose();
            _engine.Dispose();
        }

        private static async Task<AsyncResultWriter?> WriteWhenDone(Task<uint> value, uint resultPointer)
        {
            var result = await value.ConfigureAwait(false);
            return instance => instance.Memory.WriteUInt32(resultPointer, result);
        }
    }
}
