using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Async;

/// <summary>
/// Reads an async export's results from its <c>task.return</c> call: the flat values the guest
/// passes, and what they point at in memory, which is valid only during that call.
/// </summary>
public delegate T TaskReturnReader<out T>(HostCallContext call);
