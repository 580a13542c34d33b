namespace WitHost.Wamr.Async;

/// <summary>
/// What calling an async export needs of an instance, looked up on its first call there: the
/// <c>[async-lift]</c> export, its callback, and the <c>task.return</c> import it returns through.
/// </summary>
internal sealed record AsyncExportBinding(WamrFunction Lift, WamrFunction Callback, string ReturnModule, string ReturnName);
