using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Async;

/// <summary>A <see cref="GuestTask"/> whose results the host reads as a <typeparamref name="T"/>.</summary>
internal sealed class GuestTask<T>(string exportName, string returnModule, string returnName, TaskReturnReader<T> reader, CancellationToken cancellationToken)
    : GuestTask(exportName, returnModule, returnName)
{
    public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void Complete(HostCallContext call) => Completion.TrySetResult(reader(call));

    protected override void CompleteCancelled() => Completion.TrySetCanceled(cancellationToken);

    protected override void CompleteFailed(Exception error) => Completion.TrySetException(error);
}
