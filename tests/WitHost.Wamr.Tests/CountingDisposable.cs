namespace WitHost.Wamr.Tests;

/// <summary>A host object that counts how often it was disposed (from any thread).</summary>
internal sealed class CountingDisposable : IDisposable
{
    private int _count;

    public int DisposeCount => Volatile.Read(ref _count);

    public void Dispose() => Interlocked.Increment(ref _count);
}
