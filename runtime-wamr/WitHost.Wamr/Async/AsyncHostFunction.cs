using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Async;

/// <summary>
/// The host's implementation of an import the guest lowers asynchronously (<c>[async-lower]…</c>).
/// It reads its arguments from <paramref name="call"/> before it returns (the context is valid only
/// during the guest's call), and returns the task that does the work; the guest gets a subtask and
/// goes on. The task's result writes the function's results into guest memory (through the result
/// pointer, the import's last argument when the function has results), or is null when there are none.
/// </summary>
/// <param name="call">The guest's call: the flat arguments.</param>
/// <param name="cancellationToken">Cancelled when the guest cancels the subtask (<c>subtask.cancel</c>) or the instance is disposed.</param>
public delegate Task<AsyncResultWriter?> AsyncHostFunction(HostCallContext call, CancellationToken cancellationToken);

/// <summary>
/// Writes an async import's results into the guest's memory. It runs when the guest is told the
/// subtask returned, on the thread that owns the instance, so it may allocate in the guest.
/// </summary>
public delegate void AsyncResultWriter(WamrInstance instance);
