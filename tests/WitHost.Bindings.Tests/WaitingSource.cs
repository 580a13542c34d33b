namespace WitHost.Bindings.Tests;

/// <summary>
/// <c>offered</c> bytes at once, then a wait for the next one that only its token ends (or, for a
/// source that ignores its token, only <see cref="Release"/>). It tells when it waits, whether its
/// token was cancelled, and when its <c>finally</c> ran (the enumerator disposed, or its exception out).
/// </summary>
internal sealed class WaitingSource(int offered, bool honoursToken = true) : IAsyncEnumerable<byte>
{
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _cancelled;

    public Task Waiting => _waiting.Task;

    public Task Finished => _finished.Task;

    public bool WasCancelled => Volatile.Read(ref _cancelled) == 1;

    /// <summary>Ends the wait of a source that ignores its token: it ends as if it had no more bytes.</summary>
    public void Release() => _released.TrySetResult();

    public async IAsyncEnumerator<byte> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        try
        {
            for (var i = 0; i < offered; i++)
            {
                yield return (byte)i;
            }

            _waiting.TrySetResult();
            await (honoursToken ? Task.Delay(Timeout.Infinite, cancellationToken) : _released.Task);
        }
        finally
        {
            Volatile.Write(ref _cancelled, cancellationToken.IsCancellationRequested ? 1 : 0);
            _finished.TrySetResult();
        }
    }
}
