namespace WitHost.Wamr.Async;

/// <summary>
/// Something a guest holds by an i32 handle in its instance's async table: a waitable (subtask,
/// stream or future end), a waitable set, or an error context.
/// </summary>
internal abstract class AsyncHandle
{
    /// <summary>The handle the guest holds; 0 until the table gives one.</summary>
    public uint Handle { get; set; }

    /// <summary>What the thing is, for trap messages ("subtask", "waitable set", …).</summary>
    public abstract string Kind { get; }
}
