namespace WitHost.Wamr.Async;

/// <summary>
/// A copy the host started on its end: into <see cref="Target"/> (a read) or from
/// <see cref="Source"/> (a write). It completes with the number of elements moved (0: the other
/// end was dropped).
/// </summary>
internal sealed class HostCopy : PendingCopy
{
    public HostCopy(Memory<byte> target, uint count)
        : base(count) => Target = target;

    public HostCopy(ReadOnlyMemory<byte> source, uint count)
        : base(count) => Source = source;

    public Memory<byte> Target { get; }

    public ReadOnlyMemory<byte> Source { get; }

    public TaskCompletionSource<uint> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
