using System.Collections.Concurrent;
using WitHost.Bindings.Tests.CSharpFirstAsync;

namespace WitHost.Bindings.Tests;

/// <summary>tests/guests/csharp-first-async.wasm, built against the WIT derived from C#-first async interfaces.</summary>
public sealed class CSharpFirstAsyncGuest() : TestGuest("csharp-first-async");

/// <summary>
/// A host whose world is derived from C#-first async interfaces (CSharpFirstAsyncContracts.cs)
/// running the C guest built against that WIT: the guest awaits the host's <c>Task</c>-returning
/// import, and the generated export class implements the user's <c>ValueTask</c> methods.
/// </summary>
public sealed class CSharpFirstAsyncBindingsTests : IClassFixture<CSharpFirstAsyncGuest>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);
    private readonly CSharpFirstAsyncGuest _guest;

    public CSharpFirstAsyncBindingsTests(CSharpFirstAsyncGuest guest) => _guest = guest;

    [Fact]
    public void The_committed_contract_is_the_derived_wit()
    {
        // The guest was built against wit/csharp-first-async.wit: it must not drift from the C# it stands for.
        var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "derived", "csharp-first-async.wit"));
        Assert.Equal(CSharpFirstAsyncHost.WitText, committed);
        Assert.Contains("fetch: async func(key: u32) -> u32;", committed, StringComparison.Ordinal);
        Assert.Contains("fetch-sum: async func(key: u32) -> u32;", committed, StringComparison.Ordinal);
        Assert.Contains("stop: async func();", committed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guest_awaits_the_hosts_task_through_the_users_value_task_method()
    {
        var fetcher = new PendingFetcher();
        using var guest = CSharpFirstAsyncHost.Instantiate(_guest.Module, new CSharpFirstAsyncHost.Imports { Fetcher = fetcher });
        IJobs jobs = guest.Jobs;

        var sum = jobs.FetchSumAsync(4, CancellationToken.None);

        // The guest waits for fetch(4) on its subtask: the host's task is still running.
        Assert.False(sum.IsCompleted);
        Assert.Equal([4u], fetcher.Fetches);
        fetcher.Release(4);
        fetcher.Release(5);
        Assert.Equal(40u + 50u, await sum.AsTask().WaitAsync(s_patience));
        Assert.Equal([4u, 5u], fetcher.Fetches);
    }

    [Fact]
    public async Task A_host_task_done_at_once_and_an_export_without_a_result()
    {
        var fetcher = new PendingFetcher();
        fetcher.Release(1);
        fetcher.Release(2);
        using var guest = CSharpFirstAsyncHost.Instantiate(_guest.Module, new CSharpFirstAsyncHost.Imports { Fetcher = fetcher });

        // Both fetches were done when the guest asked: it got them without a subtask.
        var sum = guest.Jobs.FetchSumAsync(1, CancellationToken.None);
        Assert.True(sum.IsCompletedSuccessfully);
        Assert.Equal(10u + 20u, await sum);

        var stop = guest.Jobs.StopAsync(CancellationToken.None);
        await stop.AsTask().WaitAsync(s_patience);
        Assert.True(stop.IsCompletedSuccessfully);
    }

    /// <summary>
    /// The host's <see cref="IFetcher"/>: <c>fetch(key)</c> answers key × 10 once the test lets it
    /// (<see cref="Release"/>); it records what the guest asked for.
    /// </summary>
    private sealed class PendingFetcher : IFetcher
    {
        private readonly ConcurrentDictionary<uint, TaskCompletionSource<uint>> _pending = new();

        /// <summary>The keys the guest fetched, in order.</summary>
        public ConcurrentQueue<uint> Fetches { get; } = new();

        public Task<uint> FetchAsync(uint key, CancellationToken cancellationToken)
        {
            Fetches.Enqueue(key);
            return Pending(key).Task;
        }

        /// <summary>Lets the fetch of <paramref name="key"/> answer key × 10.</summary>
        public void Release(uint key) => Pending(key).TrySetResult(key * 10);

        private TaskCompletionSource<uint> Pending(uint key) => _pending.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
