using System.Collections.Concurrent;
using WitHost.Wamr.Async;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The host's <c>lookup</c> of the Rust-shaped guest: <c>fetch(key)</c> answers <c>key * 10</c> when
/// the test releases the key (or at once), and remembers whether the guest cancelled it;
/// <c>digest(bytes)</c> reads the guest's stream to its end and answers the bytes' sum.
/// </summary>
internal sealed class RustShapeLookup(bool answersAtOnce = false, bool firstDigestStalls = false) : Test.RustShape.ILookup
{
    private int _digests;

    private readonly ConcurrentDictionary<uint, TaskCompletionSource> _gates = new();

    /// <summary>The keys fetched, in order.</summary>
    public ConcurrentQueue<uint> Fetches { get; } = new();

    /// <summary>Completes when a fetch's token is cancelled (the guest's <c>subtask.cancel</c>).</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the fetch of <paramref name="key"/> answer.</summary>
    public void Release(uint key) => Gate(key).TrySetResult();

    public async ValueTask<uint> FetchAsync(uint key, CancellationToken cancellationToken)
    {
        Fetches.Enqueue(key);
        if (!answersAtOnce)
        {
            try
            {
                await Gate(key).Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Cancelled.TrySetResult();
                throw;
            }
        }

        return key * 10;
    }

    /// <summary>Completes when a digest has read its first byte.</summary>
    public TaskCompletionSource DigestReading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask<uint> DigestAsync(WitStream<byte> bytes, CancellationToken cancellationToken)
    {
        // With firstDigestStalls, the first digest stops reading after its first byte until cancelled.
        var stalls = firstDigestStalls && Interlocked.Increment(ref _digests) == 1;
        uint sum = 0;
        try
        {
            await foreach (var value in bytes.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                sum += value;
                DigestReading.TrySetResult();
                if (stalls)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Cancelled.TrySetResult();
            throw;
        }

        return sum;
    }

    private TaskCompletionSource Gate(uint key) => _gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
