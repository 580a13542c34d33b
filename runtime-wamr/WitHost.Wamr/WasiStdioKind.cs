namespace WitHost.Wamr;

/// <summary>How one of a guest's standard streams is served.</summary>
internal enum WasiStdioKind
{
    /// <summary>Nothing: reads see end of input, writes are discarded.</summary>
    None,

    /// <summary>The host process's own descriptor, shared with the guest.</summary>
    Inherit,

    /// <summary>A per-instance pipe pumped to or from a stream or callback.</summary>
    Redirected,
}
