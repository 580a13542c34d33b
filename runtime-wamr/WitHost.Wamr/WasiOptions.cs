namespace WitHost.Wamr;

/// <summary>What a guest sees through WASI (wasi_snapshot_preview1).</summary>
public sealed record WasiOptions
{
    /// <summary>Command-line arguments (<c>argv</c>, program name first if the guest expects one).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables as <c>NAME=value</c> pairs.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Host directories the guest may open, each visible to the guest under the same path.
    /// (WAMR 1.1.2's WASI on Linux cannot map a directory to another guest path.)
    /// </summary>
    public IReadOnlyList<string> PreopenedDirectories { get; init; } = [];

    /// <summary>What the guest reads from its standard input: <see cref="WasiInput.None"/> (end of input)
    /// unless the host chooses otherwise.</summary>
    public WasiInput Stdin { get; init; } = WasiInput.None;

    /// <summary>Where the guest's standard output goes: <see cref="WasiOutput.None"/> (discarded) unless
    /// the host chooses otherwise. A host that speaks a protocol on its own stdout keeps the default.</summary>
    public WasiOutput Stdout { get; init; } = WasiOutput.None;

    /// <summary>Where the guest's standard error goes: <see cref="WasiOutput.None"/> (discarded) unless
    /// the host chooses otherwise.</summary>
    public WasiOutput Stderr { get; init; } = WasiOutput.None;
}
