namespace WitHost.Bindings.Tests;

/// <summary>
/// <c>offered</c> bytes at once, then a wait for the next one that only its token ends. It tells
/// when it waits, whether its token was cancelled, and when its <c>finally</c> ran (the
/// enumerator disposed, or its exception out).
/// </summary>
internal sealed class WaitingSource(int offered) : IAsyncEnumerable<byte>
{
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _cancelled;

    public Task Waiting => _waiting.Task;

    public Task Finished => _finished.Task;

    public bool WasCancelled => Volatile.Read(ref _cancelled) == 1;

    public async IAsyncEnumerator<byte> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        try
        {
            for (var i = 0; i < offered; i++)
            {
                yield return (byte)i;
            }

            _waiting.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _cancelled, cancellationToken.IsCancellationRequested ? 1 : 0);
            _finished.TrySetResult();
        }
    }
}
