namespace WitHost.Wit.Binary;

/// <summary>The spec's names of the <see cref="CanonicalBuiltin"/>s, for messages.</summary>
public static class CanonicalBuiltinNames
{
    /// <summary>The built-in as the spec writes it: <c>waitable-set.wait</c>, <c>stream.cancel-read</c>.</summary>
    public static string Of(CanonicalBuiltin builtin) => builtin switch
    {
        CanonicalBuiltin.TaskCancel => "task.cancel",
        CanonicalBuiltin.SubtaskCancel => "subtask.cancel",
        CanonicalBuiltin.BackpressureSet => "backpressure.set",
        CanonicalBuiltin.TaskReturn => "task.return",
        CanonicalBuiltin.ContextGet => "context.get",
        CanonicalBuiltin.ContextSet => "context.set",
        CanonicalBuiltin.ThreadYield => "thread.yield",
        CanonicalBuiltin.SubtaskDrop => "subtask.drop",
        CanonicalBuiltin.StreamNew => "stream.new",
        CanonicalBuiltin.StreamRead => "stream.read",
        CanonicalBuiltin.StreamWrite => "stream.write",
        CanonicalBuiltin.StreamCancelRead => "stream.cancel-read",
        CanonicalBuiltin.StreamCancelWrite => "stream.cancel-write",
        CanonicalBuiltin.StreamDropReadable => "stream.drop-readable",
        CanonicalBuiltin.StreamDropWritable => "stream.drop-writable",
        CanonicalBuiltin.FutureNew => "future.new",
        CanonicalBuiltin.FutureRead => "future.read",
        CanonicalBuiltin.FutureWrite => "future.write",
        CanonicalBuiltin.FutureCancelRead => "future.cancel-read",
        CanonicalBuiltin.FutureCancelWrite => "future.cancel-write",
        CanonicalBuiltin.FutureDropReadable => "future.drop-readable",
        CanonicalBuiltin.FutureDropWritable => "future.drop-writable",
        CanonicalBuiltin.ErrorContextNew => "error-context.new",
        CanonicalBuiltin.ErrorContextDebugMessage => "error-context.debug-message",
        CanonicalBuiltin.ErrorContextDrop => "error-context.drop",
        CanonicalBuiltin.WaitableSetNew => "waitable-set.new",
        CanonicalBuiltin.WaitableSetWait => "waitable-set.wait",
        CanonicalBuiltin.WaitableSetPoll => "waitable-set.poll",
        CanonicalBuiltin.WaitableSetDrop => "waitable-set.drop",
        CanonicalBuiltin.WaitableJoin => "waitable.join",
        CanonicalBuiltin.BackpressureInc => "backpressure.inc",
        CanonicalBuiltin.BackpressureDec => "backpressure.dec",
        CanonicalBuiltin.ThreadIndex => "thread.index",
        CanonicalBuiltin.ThreadNewIndirect => "thread.new-indirect",
        CanonicalBuiltin.ThreadResumeLater => "thread.resume-later",
        CanonicalBuiltin.ThreadSuspend => "thread.suspend",
        CanonicalBuiltin.ThreadSuspendThenResume => "thread.suspend-then-resume",
        CanonicalBuiltin.ThreadYieldThenResume => "thread.yield-then-resume",
        CanonicalBuiltin.ThreadSuspendThenPromote => "thread.suspend-then-promote",
        CanonicalBuiltin.ThreadYieldThenPromote => "thread.yield-then-promote",
        _ => $"0x{(byte)builtin:x2}",
    };
}
