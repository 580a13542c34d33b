using WitHost.Wamr.Async;

namespace WitHost.Wamr;

public sealed partial class WamrInstance
{
    private AsyncInstanceState? _asyncState;

    /// <summary>
    /// The instance's async state (tables of subtasks, waitable sets, stream and future ends, error
    /// contexts), made the first time the guest or host uses the async ABI, and disposed with the instance.
    /// </summary>
    internal AsyncInstanceState AsyncState => _asyncState ?? CreateAsyncState();

    /// <summary>Whether <see cref="Dispose"/> was called, though a thread in a call may not have freed the instance yet.</summary>
    internal bool IsDisposeRequested => _gate.IsDisposeRequested;

    private AsyncInstanceState CreateAsyncState()
    {
        var state = new AsyncInstanceState(this, AsyncInstanceState.DefaultMaxHandles);
        if (Interlocked.CompareExchange(ref _asyncState, state, null) is { } existing)
        {
            return existing;
        }

        AttachHostObjects(state);
        return state;
    }
}
