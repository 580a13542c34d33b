using System.Collections.Concurrent;
using Example.Concurrency;
using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The generated host of the async guest (tests/guests/async.c, world async-guest of wit/async.wit).</summary>
[WitHost("../../wit/async.wit", World = "async-guest")]
internal partial class AsyncGuestHost;

/// <summary>
/// The host's <c>fetcher</c>: <c>fetch(key)</c> answers key × 10 when the test lets it
/// (<see cref="Release"/>), at once, or as a given function does; it records what the guest asked for.
/// </summary>
internal sealed class Fetcher(bool answersAtOnce = false, Func<uint, CancellationToken, Task<uint>>? fetch = null) : IFetcher
{
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<uint>> _pending = new();

    /// <summary>The keys the guest fetched, in order.</summary>
    public ConcurrentQueue<uint> Fetches { get; } = new();

    /// <summary>The keys whose fetch saw its token cancelled.</summary>
    public ConcurrentQueue<uint> CancelledFetches { get; } = new();

    public ValueTask<uint> FetchAsync(uint key, CancellationToken cancellationToken)
    {
        Fetches.Enqueue(key);
        if (answersAtOnce)
        {
            return ValueTask.FromResult(key * 10);
        }

        if (fetch is not null)
        {
            return new ValueTask<uint>(fetch(key, cancellationToken));
        }

        var source = Pending(key);
        cancellationToken.Register(() =>
        {
            if (source.TrySetCanceled(cancellationToken))
            {
                CancelledFetches.Enqueue(key);
            }
        });
        return new ValueTask<uint>(source.Task);
    }

    /// <summary>Lets the fetch of <paramref name="key"/> answer key × 10.</summary>
    public void Release(uint key) => Pending(key).TrySetResult(key * 10);

    private TaskCompletionSource<uint> Pending(uint key) => _pending.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
