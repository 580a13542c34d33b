namespace WitHost.Wamr.Async;

/// <summary>An event delivered to a task: its code, the waitable's handle, and the payload.</summary>
internal readonly record struct AsyncEvent(EventCode Code, uint Handle, uint Payload)
{
    public static AsyncEvent None => new(EventCode.None, 0, 0);
}
