namespace WitHost.Wamr.Async;

/// <summary>The events a task receives from <c>waitable-set.wait</c>, <c>waitable-set.poll</c> or its callback.</summary>
internal enum EventCode : uint
{
    None = 0,
    Subtask = 1,
    StreamRead = 2,
    StreamWrite = 3,
    FutureRead = 4,
    FutureWrite = 5,
    TaskCancelled = 6,
}
