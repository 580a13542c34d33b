namespace WitHost.Wit.Binary;

/// <summary>
/// The canon built-ins of the async ABI and of threads (Binary.md's canon definitions after the
/// resource ones), by their opcode. A <see cref="CanonicalFunction"/> of kind
/// <see cref="CanonicalFunctionKind.Other"/> says which one it is.
/// </summary>
public enum CanonicalBuiltin : byte
{
    /// <summary><c>task.cancel</c>.</summary>
    TaskCancel = 0x05,

    /// <summary><c>subtask.cancel async?</c>.</summary>
    SubtaskCancel = 0x06,

    /// <summary><c>backpressure.set</c>, which the spec replaced with <c>backpressure.inc</c>/<c>dec</c>; older encoders still emit it.</summary>
    BackpressureSet = 0x08,

    /// <summary><c>task.return</c> with its result type and options.</summary>
    TaskReturn = 0x09,

    /// <summary><c>context.get i32 i</c>.</summary>
    ContextGet = 0x0a,

    /// <summary><c>context.set i32 i</c>.</summary>
    ContextSet = 0x0b,

    /// <summary><c>thread.yield cancellable?</c> (formerly <c>yield</c>).</summary>
    ThreadYield = 0x0c,

    /// <summary><c>subtask.drop</c>.</summary>
    SubtaskDrop = 0x0d,

    /// <summary><c>stream.new t</c>.</summary>
    StreamNew = 0x0e,

    /// <summary><c>stream.read t opts</c>.</summary>
    StreamRead = 0x0f,

    /// <summary><c>stream.write t opts</c>.</summary>
    StreamWrite = 0x10,

    /// <summary><c>stream.cancel-read t async?</c>.</summary>
    StreamCancelRead = 0x11,

    /// <summary><c>stream.cancel-write t async?</c>.</summary>
    StreamCancelWrite = 0x12,

    /// <summary><c>stream.drop-readable t</c>.</summary>
    StreamDropReadable = 0x13,

    /// <summary><c>stream.drop-writable t</c>.</summary>
    StreamDropWritable = 0x14,

    /// <summary><c>future.new t</c>.</summary>
    FutureNew = 0x15,

    /// <summary><c>future.read t opts</c>.</summary>
    FutureRead = 0x16,

    /// <summary><c>future.write t opts</c>.</summary>
    FutureWrite = 0x17,

    /// <summary><c>future.cancel-read t async?</c>.</summary>
    FutureCancelRead = 0x18,

    /// <summary><c>future.cancel-write t async?</c>.</summary>
    FutureCancelWrite = 0x19,

    /// <summary><c>future.drop-readable t</c>.</summary>
    FutureDropReadable = 0x1a,

    /// <summary><c>future.drop-writable t</c>.</summary>
    FutureDropWritable = 0x1b,

    /// <summary><c>error-context.new opts</c>.</summary>
    ErrorContextNew = 0x1c,

    /// <summary><c>error-context.debug-message opts</c>.</summary>
    ErrorContextDebugMessage = 0x1d,

    /// <summary><c>error-context.drop</c>.</summary>
    ErrorContextDrop = 0x1e,

    /// <summary><c>waitable-set.new</c>.</summary>
    WaitableSetNew = 0x1f,

    /// <summary><c>waitable-set.wait cancellable? (memory m)</c>.</summary>
    WaitableSetWait = 0x20,

    /// <summary><c>waitable-set.poll cancellable? (memory m)</c>.</summary>
    WaitableSetPoll = 0x21,

    /// <summary><c>waitable-set.drop</c>.</summary>
    WaitableSetDrop = 0x22,

    /// <summary><c>waitable.join</c>.</summary>
    WaitableJoin = 0x23,

    /// <summary><c>backpressure.inc</c>.</summary>
    BackpressureInc = 0x24,

    /// <summary><c>backpressure.dec</c>.</summary>
    BackpressureDec = 0x25,

    /// <summary><c>thread.index</c>.</summary>
    ThreadIndex = 0x26,

    /// <summary><c>thread.new-indirect ft tbl</c>.</summary>
    ThreadNewIndirect = 0x27,

    /// <summary><c>thread.resume-later</c>.</summary>
    ThreadResumeLater = 0x28,

    /// <summary><c>thread.suspend cancellable?</c>.</summary>
    ThreadSuspend = 0x29,

    /// <summary><c>thread.suspend-then-resume cancellable?</c>.</summary>
    ThreadSuspendThenResume = 0x2a,

    /// <summary><c>thread.yield-then-resume cancellable?</c>.</summary>
    ThreadYieldThenResume = 0x2b,

    /// <summary><c>thread.suspend-then-promote cancellable?</c>.</summary>
    ThreadSuspendThenPromote = 0x2c,

    /// <summary><c>thread.yield-then-promote cancellable?</c>.</summary>
    ThreadYieldThenPromote = 0x2d,
}
