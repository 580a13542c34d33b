namespace WitHost.Wamr.Async;

/// <summary>Constants of the Canonical ABI's async rules.</summary>
internal static class AsyncAbi
{
    /// <summary>The status of a stream or future copy (or an async cancel) that has not finished yet.</summary>
    public const uint Blocked = 0xffff_ffff;

    /// <summary>The most core parameters an async-lowered import takes directly; more go through memory.</summary>
    public const int MaxFlatAsyncParams = 4;

    /// <summary>Callback codes and subtask statuses keep their handle or set in the bits above these.</summary>
    public const int PayloadShift = 4;

    /// <summary>The low bits of a callback code or status.</summary>
    public const uint CodeMask = 0xf;
}
